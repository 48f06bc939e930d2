// The unguessable token in a ticket's QR code (`{publicUrl}/m/t/{token}`): the phone follows its
// ticket with it, and nobody can walk other people's tickets by counting numbers.
import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';

export class TicketTokens {
  constructor(private readonly db: Database) {}

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
