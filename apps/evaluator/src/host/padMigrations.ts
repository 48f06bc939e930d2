// The pad's own tables (namespace `app` of its DeviceStore file).
import type { Migration } from '@hallkit/sync';

export const PAD_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'prompts and remembered values',
    up: `
      -- One row per service the center asked this pad to rate: the dedupe key and the local record
      -- ("rated"/"lapsed") written in the same transaction as the outbox event.
      CREATE TABLE pad_prompts (
        service_id    TEXT PRIMARY KEY,
        ticket_id     TEXT NOT NULL,
        prompt        TEXT NOT NULL,
        received_at   INTEGER NOT NULL,
        deadline_at   INTEGER NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('pending', 'reasons', 'rated', 'lapsed')),
        level         TEXT,
        evaluation_id TEXT,
        closed_at     INTEGER
      );
      CREATE INDEX pad_prompts_open ON pad_prompts (state) WHERE state IN ('pending', 'reasons');
      -- Last known values shown while the center is unreachable (window state, staff figures).
      CREATE TABLE pad_memory (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL);
    `,
  },
];
