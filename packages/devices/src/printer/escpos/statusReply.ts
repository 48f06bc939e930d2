import type { CoverState, PaperState } from '../../lifecycle/DeviceStatus.ts';

/** `DLE EOT n`: real-time status request. The printer answers with one byte even while offline. */
export const StatusQuery = { Printer: 1, OfflineCause: 2, ErrorCause: 3, PaperSensor: 4 } as const;
export type StatusQuery = (typeof StatusQuery)[keyof typeof StatusQuery];

export function statusRequest(n: StatusQuery): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

/** What a set of DLE EOT replies says about the printer. */
export interface PrinterStatus {
  online: boolean;
  cover: CoverState;
  paper: PaperState;
  /** A mechanical error (cutter jam, head overheated). */
  error: boolean;
}

export type StatusReply =
  | { ok: true; query: StatusQuery; bits: Partial<PrinterStatus> & { paperEndStop?: boolean } }
  | { ok: false; query: number; error: string };

/**
 * Parses one DLE EOT reply. Every valid reply has bit 0 and 7 clear and bits 1 and 4 set
 * (`b & 0x93 === 0x12`); anything else is a garbled or foreign byte and is reported, not thrown.
 */
export function parseStatusReply(query: number, reply: Uint8Array): StatusReply {
  if (query < 1 || query > 4 || !Number.isInteger(query)) return { ok: false, query, error: `unknown status query ${query}` };
  if (reply.length === 0) return { ok: false, query, error: 'no status byte' };
  if (reply.length > 1) return { ok: false, query, error: `expected 1 status byte, got ${reply.length}` };
  const b = reply[0] as number;
  if ((b & 0x93) !== 0x12) return { ok: false, query, error: `bad status byte 0x${b.toString(16).padStart(2, '0')}` };
  switch (query) {
    case StatusQuery.Printer:
      return { ok: true, query, bits: { online: (b & 0x08) === 0 } };
    case StatusQuery.OfflineCause:
      return {
        ok: true,
        query,
        bits: { cover: b & 0x04 ? 'open' : 'closed', paperEndStop: (b & 0x20) !== 0, error: (b & 0x40) !== 0 },
      };
    case StatusQuery.ErrorCause:
      return { ok: true, query, bits: { error: (b & 0x68) !== 0 } };
    case StatusQuery.PaperSensor:
      return { ok: true, query, bits: { paper: b & 0x60 ? 'empty' : b & 0x0c ? 'near-end' : 'ok' } };
    default:
      return { ok: false, query, error: `unknown status query ${query}` };
  }
}

/** Combines the replies to DLE EOT 1, 2 and 4 into one status. */
export function combineStatus(replies: StatusReply[]): PrinterStatus {
  const s: PrinterStatus = { online: true, cover: 'closed', paper: 'ok', error: false };
  let paperEndStop = false;
  for (const r of replies) {
    if (!r.ok) continue;
    if (r.bits.online !== undefined) s.online = r.bits.online;
    if (r.bits.cover !== undefined) s.cover = r.bits.cover;
    if (r.bits.paper !== undefined) s.paper = r.bits.paper;
    if (r.bits.error) s.error = true;
    if (r.bits.paperEndStop) paperEndStop = true;
  }
  if (paperEndStop) s.paper = 'empty';
  return s;
}

/** The byte a printer in this state answers to `DLE EOT n` (used by the simulator). */
export function encodeStatusReply(query: StatusQuery, s: PrinterStatus): number {
  let b = 0x12;
  const offline = !s.online || s.cover === 'open' || s.paper === 'empty' || s.error;
  switch (query) {
    case StatusQuery.Printer:
      if (offline) b |= 0x08;
      break;
    case StatusQuery.OfflineCause:
      if (s.cover === 'open') b |= 0x04;
      if (s.paper === 'empty') b |= 0x20;
      if (s.error) b |= 0x40;
      break;
    case StatusQuery.ErrorCause:
      if (s.error) b |= 0x08;
      break;
    case StatusQuery.PaperSensor:
      if (s.paper === 'empty') b |= 0x6c;
      else if (s.paper === 'near-end') b |= 0x0c;
      break;
  }
  return b;
}
