// The center's record of dispensers' ticket requests by their own request id (issue 15, ghost
// tickets). A kiosk waits 1.5 s for `ticket-issue`, then prints from its own block and withdraws the
// request. Both messages travel on the kiosk's one request topic, in order, but the center may be
// stalled, the answer lost, or the request redelivered after a reconnect: whichever comes first, the
// row here decides — a withdrawn request is never issued, an issued one is cancelled on withdrawal,
// and a repeat of an issued request gets the same ticket, not a second one.
import type { Database, Statement } from 'better-sqlite3';
import type { Migration } from '@hallkit/sync';

export const TICKET_REQUEST_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'dispensers ticket requests by request id (issued or withdrawn)',
    up: `
      CREATE TABLE ticket_requests (
        device_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('issued', 'withdrawn')),
        ticket_id TEXT,
        at INTEGER NOT NULL,
        PRIMARY KEY (device_id, request_id)
      );
      CREATE INDEX ticket_requests_at ON ticket_requests (at);
    `,
  },
];

export interface TicketRequestRow {
  state: 'issued' | 'withdrawn';
  ticketId: string | null;
}

/**
 * How long a request's row is kept. A request is meaningful for seconds; the MQTT session may hold a
 * redelivery for as long as the kiosk stays away, so a day of margin (a hall's tickets are per day).
 */
const KEEP_MS = 36 * 3600_000;

export class TicketRequests {
  private readonly getRow: Statement;
  private readonly put: Statement;
  private readonly prune: Statement;
  private lastPrune = 0;

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.getRow = db.prepare('SELECT state, ticket_id AS ticketId FROM ticket_requests WHERE device_id = ? AND request_id = ?');
    this.put = db.prepare(
      `INSERT INTO ticket_requests (device_id, request_id, state, ticket_id, at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (device_id, request_id) DO UPDATE SET state = excluded.state, ticket_id = COALESCE(excluded.ticket_id, ticket_requests.ticket_id), at = excluded.at`,
    );
    this.prune = db.prepare('DELETE FROM ticket_requests WHERE at < ?');
  }

  get(deviceId: string, requestId: string): TicketRequestRow | undefined {
    return this.getRow.get(deviceId, requestId) as TicketRequestRow | undefined;
  }

  issued(deviceId: string, requestId: string, ticketId: string): void {
    this.put.run(deviceId, requestId, 'issued', ticketId, this.now());
    this.maybePrune();
  }

  withdrawn(deviceId: string, requestId: string, ticketId: string | null): void {
    this.put.run(deviceId, requestId, 'withdrawn', ticketId, this.now());
    this.maybePrune();
  }

  private maybePrune(): void {
    const now = this.now();
    if (now - this.lastPrune < 600_000) return;
    this.lastPrune = now;
    this.prune.run(now - KEEP_MS);
  }
}
