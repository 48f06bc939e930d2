// Onbon BX font-card models: the DeviceType byte, how much one packet may carry and whether the
// card speaks (6K-YY). From the protocol document; the dynamic-area count is the conservative 5
// the model table in k.md gives for every model.

export interface BxModel {
  id: string;
  label: string;
  deviceType: number;
  /** Receive buffer: a packet's data must fit. */
  maxDataBytes: number;
  maxAreas: number;
  /** Area text limit (6K 1024 B, 5K 512 B). */
  maxAreaBytes: number;
  voice: boolean;
  tcp: boolean;
}

const k5 = (id: string, label: string, deviceType: number, tcp: boolean): BxModel => ({ id, label, deviceType, maxDataBytes: 512, maxAreas: 5, maxAreaBytes: 512, voice: false, tcp });
const k6 = (id: string, label: string, deviceType: number, voice: boolean): BxModel => ({ id, label, deviceType, maxDataBytes: 1024, maxAreas: 5, maxAreaBytes: 1024, voice, tcp: true });

export const BX_MODELS: Record<string, BxModel> = {
  'bx-5k1': k5('bx-5k1', 'BX-5K1', 0x51, false),
  'bx-5k2': k5('bx-5k2', 'BX-5K2', 0x58, false),
  'bx-5mk1': k5('bx-5mk1', 'BX-5MK1', 0x54, true),
  'bx-5mk2': k5('bx-5mk2', 'BX-5MK2', 0x53, true),
  'bx-6k1': k6('bx-6k1', 'BX-6K1', 0x61, false),
  'bx-6k2': k6('bx-6k2', 'BX-6K2', 0x62, false),
  'bx-6k3': k6('bx-6k3', 'BX-6K3', 0x63, false),
  'bx-6k1-yy': k6('bx-6k1-yy', 'BX-6K1-YY', 0x64, true),
  'bx-6k2-yy': k6('bx-6k2-yy', 'BX-6K2-YY', 0x65, true),
  'bx-6k3-yy': k6('bx-6k3-yy', 'BX-6K3-YY', 0x66, true),
};
export const DEFAULT_BX_MODEL = 'bx-6k1';

export function bxModel(id: string | undefined): BxModel {
  const m = BX_MODELS[id ?? DEFAULT_BX_MODEL];
  if (!m) throw new Error(`unknown LED controller model "${id}" (known: ${Object.keys(BX_MODELS).join(', ')})`);
  return m;
}

export function bxModelByDeviceType(t: number): BxModel | undefined {
  return Object.values(BX_MODELS).find((m) => m.deviceType === t);
}
