// The kiosk's own tables in its DeviceStore (namespace `app`). Append only.
import type { Migration } from '@hallkit/sync';

export const KIOSK_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'leased number blocks and issued tickets',
    up: `
      CREATE TABLE kiosk_leases (
        block_id TEXT PRIMARY KEY,
        category_id TEXT NOT NULL,
        day TEXT NOT NULL,
        issuer_id TEXT NOT NULL,
        from_seq INTEGER NOT NULL,
        to_seq INTEGER NOT NULL
      );
      CREATE TABLE kiosk_tickets (
        ticket_id TEXT PRIMARY KEY,
        number TEXT NOT NULL,
        seq INTEGER NOT NULL,
        day TEXT NOT NULL,
        category_id TEXT NOT NULL,
        item_id TEXT,
        priority TEXT NOT NULL,
        offline INTEGER NOT NULL,
        issued_at TEXT NOT NULL,
        follow_url TEXT NOT NULL,
        people_ahead INTEGER NOT NULL,
        estimated_wait REAL
      );
      CREATE INDEX kiosk_tickets_offline ON kiosk_tickets (day, category_id, offline);
    `,
  },
  {
    version: 2,
    name: 'ticket requests the kiosk gave up on, to withdraw at the center',
    up: `
      CREATE TABLE kiosk_withdrawals (
        request_id TEXT PRIMARY KEY,
        at TEXT NOT NULL
      );
    `,
  },
];
