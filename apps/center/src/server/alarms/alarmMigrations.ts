// The alarms' tables (namespace `module:alarms`). Append only. `alarms` is what the reports count:
// one row per alarm, raised_at/cleared_at in ms, the hall-day it was raised on (docs/operations.md).
import type { Migration } from '@hallkit/sync';

export const ALARM_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'alarms with raised/cleared times; wait thresholds per category',
    up: `
      CREATE TABLE alarms (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL,               -- kind + subject, e.g. 'stranded:fund', 'unstaffed:w18'
        kind TEXT NOT NULL,              -- 'stranded-category' | 'long-wait' | 'unstaffed-window'
        zone_id TEXT NOT NULL,
        category_id TEXT,
        window_id TEXT,
        day TEXT NOT NULL,               -- hall-day (hall time zone) it was raised on
        raised_at INTEGER NOT NULL,
        cleared_at INTEGER,
        detail TEXT NOT NULL             -- JSON: waiting, minutes, threshold … at raise time
      );
      CREATE INDEX alarms_open ON alarms (cleared_at) WHERE cleared_at IS NULL;
      CREATE INDEX alarms_day ON alarms (day);
      CREATE TABLE alarm_thresholds (
        category_id TEXT PRIMARY KEY,
        wait_minutes INTEGER NOT NULL
      );
    `,
  },
];
