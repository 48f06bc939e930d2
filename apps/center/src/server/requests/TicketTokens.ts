// The unguessable token in a ticket's QR code (`{publicUrl}/m/t/{token}`): the phone follows its
// ticket with it, and nobody can walk other people's tickets by counting numbers.
//
// The QR code printed on the slip (or shown at the kiosk or desk) carries one thing more, `?q=<mark>`:
// an HMAC of the token under a key only the center holds. A rating sent with a valid mark was reached
// by scanning that code — channel 二维码 (qr-code, pf 3) — while the same page reached from a link on
// the phone (remote ticket, booking, SMS) has no mark and stays 移动端. The browser only passes the
// mark along; the center checks it, so no page can claim the channel.
import type { Database } from 'better-sqlite3';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export class TicketTokens {
  /** `qrKey`: the phone pages' signing key (CenterSecrets.doorCodeKey); without it no link is marked. */
  constructor(
    private readonly db: Database,
    private readonly qrKey?: Buffer,
  ) {}

  /** The mark of a token's QR code, or undefined without a key. */
  qrMark(token: string): string | undefined {
    return this.qrKey ? createHmac('sha256', this.qrKey).update(`rating-qr:${token}`).digest('base64url').slice(0, 16) : undefined;
  }

  /** Whether `mark` is the one printed in this token's QR code. */
  isQrMark(token: string, mark: string | undefined): boolean {
    const want = this.qrMark(token);
    if (!want || !mark || mark.length !== want.length) return false;
    return timingSafeEqual(Buffer.from(mark), Buffer.from(want));
  }

  /** The path a ticket's QR code opens: the follow page with the QR mark. */
  qrPath(ticketId: string): string {
    const token = this.tokenFor(ticketId);
    const mark = this.qrMark(token);
    return `/m/t/${token}${mark ? `?q=${mark}` : ''}`;
  }

  /** The ticket's token, made on first use. */
  tokenFor(ticketId: string): string {
    const row = this.db.prepare('SELECT token FROM ticket_tokens WHERE ticket_id = ?').get(ticketId) as { token: string } | undefined;
    if (row) return row.token;
    const token = randomBytes(16).toString('base64url');
    this.db.prepare('INSERT INTO ticket_tokens (token, ticket_id) VALUES (?, ?)').run(token, ticketId);
    return token;
  }

  /** Adopt the token a dispenser printed on an offline ticket (first one wins; never re-points a token). */
  adopt(token: string, ticketId: string): boolean {
    return this.db.prepare('INSERT OR IGNORE INTO ticket_tokens (token, ticket_id) VALUES (?, ?)').run(token, ticketId).changes === 1;
  }

  ticketFor(token: string): string | undefined {
    return (this.db.prepare('SELECT ticket_id FROM ticket_tokens WHERE token = ?').get(token) as { ticket_id: string } | undefined)?.ticket_id;
  }
}
