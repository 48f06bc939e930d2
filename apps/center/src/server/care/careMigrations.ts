// The remote-care module's table (namespace `module:care`): every command an admin sent a device,
// its outcome and when. Append only.
import type { Migration } from '@hallkit/sync';

export const CARE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'care commands',
    up: `
      CREATE TABLE care_commands (
        id TEXT PRIMARY KEY,             -- the MQTT command id (the device dedupes by it)
        device_id TEXT NOT NULL,
        name TEXT NOT NULL,
        body TEXT NOT NULL,
        requested_by TEXT NOT NULL,
        sent_at INTEGER NOT NULL,
        status TEXT NOT NULL,            -- sent | done | failed | timeout
        result TEXT,                     -- the device's result body or error (JSON)
        finished_at INTEGER
      );
      CREATE INDEX care_commands_device ON care_commands (device_id, sent_at);
    `,
  },
];
