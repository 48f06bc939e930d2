// The 好差评 feed's tables (module `province`): the outbox of records in the province's format, the
// point in the hall log it has turned into records, and the follow-up cases' services.
import type { Migration } from '@hallkit/sync';

export const PROVINCE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'province outbox, log cursor, follow-up cases',
    up: `
      CREATE TABLE province_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        record_id TEXT NOT NULL UNIQUE,  -- the idempotency key sent with it
        subject TEXT NOT NULL,           -- projectNo: one service's records are delivered in order
        kind TEXT NOT NULL,
        event_n INTEGER NOT NULL,        -- the hall_events row it was made from
        day TEXT NOT NULL,               -- hall-day of the event (exports by date range)
        body TEXT NOT NULL,              -- the record as sent (JSON)
        status TEXT NOT NULL,            -- pending | delivered | failed (refused: waits for the admin)
        attempts INTEGER NOT NULL DEFAULT 0,
        next_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        delivered_at INTEGER,
        duplicate INTEGER NOT NULL DEFAULT 0,
        receipt TEXT,
        last_error TEXT,
        last_error_at INTEGER
      );
      CREATE INDEX province_outbox_due ON province_outbox (status, id);
      CREATE INDEX province_outbox_subject ON province_outbox (subject, id);
      CREATE INDEX province_outbox_day ON province_outbox (day, id);
      CREATE TABLE province_cursor (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        n INTEGER NOT NULL               -- every hall_events row up to here has its records
      );
      CREATE TABLE province_cases (
        case_id TEXT PRIMARY KEY,
        evaluation_id TEXT NOT NULL,
        project_no TEXT NOT NULL
      );
      CREATE TABLE province_evaluations (
        evaluation_id TEXT PRIMARY KEY,
        project_no TEXT NOT NULL
      );
    `,
  },
];
