// PHY1 of the Onbon BX font-card protocol: a 14-byte little-endian header, the data field and a
// 16-bit check. Pure encode/decode, shared by the driver and the simulator.
import { crc16Arc, sum16 } from './crc16.ts';

export const HEADER_BYTES = 14;
export const PROTOCOL_VERSION = 0x02;
/** Broadcast, nobody replies. */
export const ADDR_BROADCAST_SILENT = 0xffff;
/** Broadcast, the screen replies (what the document's dynamic-area example uses). */
export const ADDR_BROADCAST_REPLY = 0xfffe;
/** The PC side; the document says to use 0x8000 over TCP/GPRS. */
export const ADDR_HOST = 0x8000;
/** Any controller model. */
export const DEVICE_TYPE_ANY = 0xfe;

export type CheckMode = 0 | 1 | 2;

export interface BxPacket {
  dst: number;
  src: number;
  /** 0 = CRC16 (default), 1 = 16-bit sum, 2 = none (6K only). */
  checkMode: CheckMode;
  /** 1 = dynamic areas take priority over stored programs. */
  displayMode: number;
  deviceType: number;
  protocolVersion: number;
  /** Set when a 16-byte BarCode follows the header (6K set-IP only). */
  barCode?: Uint8Array;
  data: Uint8Array;
}

function check(mode: CheckMode, bytes: Uint8Array): number | undefined {
  if (mode === 0) return crc16Arc(bytes);
  if (mode === 1) return sum16(bytes);
  return undefined;
}

export function encodePacket(p: Omit<BxPacket, 'protocolVersion' | 'checkMode' | 'displayMode' | 'deviceType'> & Partial<BxPacket>): Uint8Array {
  const checkMode = p.checkMode ?? 0;
  const bar = p.barCode ?? new Uint8Array(0);
  const out = new Uint8Array(HEADER_BYTES + bar.length + p.data.length + (checkMode === 2 ? 0 : 2));
  const v = new DataView(out.buffer);
  v.setUint16(0, p.dst, true);
  v.setUint16(2, p.src, true);
  // 4..6 reserved
  out[7] = bar.length ? 1 : 0;
  out[8] = checkMode;
  out[9] = p.displayMode ?? 0;
  out[10] = p.deviceType ?? DEVICE_TYPE_ANY;
  out[11] = p.protocolVersion ?? PROTOCOL_VERSION;
  v.setUint16(12, p.data.length, true);
  out.set(bar, HEADER_BYTES);
  out.set(p.data, HEADER_BYTES + bar.length);
  const c = check(checkMode, out.subarray(0, HEADER_BYTES + bar.length + p.data.length));
  if (c !== undefined) v.setUint16(out.length - 2, c, true);
  return out;
}

export type PacketDecode =
  | { ok: true; packet: BxPacket }
  | { ok: false; reason: 'short' | 'length' | 'check' | 'check-mode'; message: string; header?: Pick<BxPacket, 'dst' | 'src' | 'deviceType'> };

/** Checks the header, DataLen and the check value; never throws. */
export function decodePacket(bytes: Uint8Array): PacketDecode {
  if (bytes.length < HEADER_BYTES) return { ok: false, reason: 'short', message: `packet of ${bytes.length} bytes is shorter than the 14-byte header` };
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = { dst: v.getUint16(0, true), src: v.getUint16(2, true), deviceType: bytes[10] as number };
  const checkMode = bytes[8] as number;
  if (checkMode > 2) return { ok: false, reason: 'check-mode', message: `unknown CheckMode ${checkMode}`, header };
  const barLen = (bytes[7] as number) & 1 ? 16 : 0;
  const dataLen = v.getUint16(12, true);
  const checkLen = checkMode === 2 ? 0 : 2;
  const expected = HEADER_BYTES + barLen + dataLen + checkLen;
  if (bytes.length !== expected) return { ok: false, reason: 'length', message: `DataLen ${dataLen} says ${expected} bytes, got ${bytes.length}`, header };
  const body = bytes.subarray(0, expected - checkLen);
  const want = check(checkMode as CheckMode, body);
  if (want !== undefined) {
    const got = v.getUint16(expected - 2, true);
    if (got !== want) return { ok: false, reason: 'check', message: `check 0x${got.toString(16).padStart(4, '0')} != 0x${want.toString(16).padStart(4, '0')}`, header };
  }
  return {
    ok: true,
    packet: {
      ...header,
      checkMode: checkMode as CheckMode,
      displayMode: bytes[9] as number,
      protocolVersion: bytes[11] as number,
      ...(barLen ? { barCode: bytes.slice(HEADER_BYTES, HEADER_BYTES + 16) } : {}),
      data: bytes.slice(HEADER_BYTES + barLen, HEADER_BYTES + barLen + dataLen),
    },
  };
}
