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
  {
    version: 2,
    name: 'report figures per closed day and dimension, 差评 follow-up cases',
    up: `
      ALTER TABLE hall_days ADD COLUMN archived_at TEXT;
      CREATE TABLE report_day_facts (
        range_day TEXT NOT NULL,         -- the closed hall-day whose stretch of the log gave this row
        day TEXT NOT NULL,               -- the day the figures count on
        dim TEXT NOT NULL,               -- hall | zone | category | window | staff | item
        key TEXT NOT NULL,
        issued INTEGER NOT NULL,
        served INTEGER NOT NULL,
        rated INTEGER NOT NULL,
        figures TEXT NOT NULL            -- core DayFigures as JSON
      );
      CREATE INDEX report_day_facts_by_dim ON report_day_facts (dim, day);
      CREATE INDEX report_day_facts_by_range ON report_day_facts (range_day);
      CREATE TABLE report_follow_ups (
        case_id TEXT PRIMARY KEY,
        opened_at TEXT, deadline TEXT, window_id TEXT, staff_id TEXT, zone_id TEXT, category_id TEXT, item_id TEXT,
        state TEXT, contacted_at TEXT, rectified_at TEXT, closed_at TEXT, note TEXT
      );
    `,
  },
  {
    version: 3,
    name: 'hall events by type (start-up finds the definition in force without scanning the history)',
    up: `CREATE INDEX IF NOT EXISTS hall_events_by_type ON hall_events (type, n);`,
  },
];
