// What the mobile module needs of the center: the authoritative hall (the center's HallService)
// and the ticket follow links (the center's TicketTokens). Kept to an interface so the module
// plugs into whichever way the center composes itself.
import type { Hall, HallEvent, HallState } from '@hallkit/core';

export interface HallAccess {
  readonly state: HallState;
  /** Run a hall command in the center's transaction, logged under `source`. */
  run<T>(source: string, fn: (h: Hall) => T): T;
  on(event: 'events', fn: (events: HallEvent[]) => void): unknown;
  off(event: 'events', fn: (events: HallEvent[]) => void): unknown;
}

export interface FollowLinks {
  /** The ticket's unguessable token, made on first use (printed in its QR as `/m/t/{token}`). */
  tokenFor(ticketId: string): string;
  ticketFor(token: string): string | undefined;
  /** The path the ticket's QR code opens (with its QR mark: ratings from it are channel 二维码). */
  qrPath?(ticketId: string): string;
  /** Whether a rating's `q` is this token's QR mark. */
  isQrMark?(token: string, mark: string | undefined): boolean;
}

/** Issuer id of tickets taken on a phone (the "phone gateway" in the hall's records). */
export const MOBILE_ISSUER = 'mobile';
