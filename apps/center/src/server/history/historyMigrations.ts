// The hall's history (namespace `history`): a checkpoint of the hall at each day's close, so start-up
// and rebuild replay only the events after the newest one, and one row per closed hall-day naming
// its stretch of the log (for reports and for recomputing a day from its own events).
import type { Migration } from '@hallkit/sync';

export const HISTORY_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'hall checkpoints at day close, closed hall-days',
    up: `
      CREATE TABLE hall_checkpoints (
        n INTEGER PRIMARY KEY,           -- the hall_events row of the HallDayClosed it follows
        day TEXT NOT NULL,
        body TEXT NOT NULL               -- core HallCheckpoint as JSON
      );
      CREATE TABLE hall_days (
        day TEXT PRIMARY KEY,            -- the hall-day closed (YYYY-MM-DD, hall's time zone)
        first_n INTEGER NOT NULL,        -- first hall_events row after the previous close
        close_n INTEGER NOT NULL,        -- the HallDayClosed row
        closed_at TEXT NOT NULL
      );
    `,
  },
];
