/** UnifiedPOS-style device state. `error` while the device is offline or stuck in a fault. */
export type DeviceState = 'closed' | 'idle' | 'busy' | 'error';

export type PowerState = 'online' | 'off' | 'offline';
export type CoverState = 'open' | 'closed';
export type PaperState = 'ok' | 'near-end' | 'empty';

/** A change the host should show (device fleet screen, kiosk "printer out of paper" notice). */
export type StatusEvent =
  | { type: 'power'; value: PowerState; reason?: string }
  | { type: 'cover'; value: CoverState }
  | { type: 'paper'; value: PaperState };

export type HealthLevel = 'internal' | 'external';

export interface HealthReport {
  level: HealthLevel;
  ok: boolean;
  /** One line a technician can read, e.g. "online, paper near end". */
  summary: string;
  checkedAt: string;
  details: Record<string, unknown>;
}
