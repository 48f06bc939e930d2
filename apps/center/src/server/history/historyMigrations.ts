// The hall's history (namespace `history`): a checkpoint of the hall at each day's close, so start-up
// and rebuild replay only the events after the newest one, and one row per closed hall-day naming
// its stretch of the log (for reports and for recomputing a day from its own events).
import type { Database } from 'better-sqlite3';
import type { DayFigures } from '@hallkit/core';
import type { Migration } from '@hallkit/sync';
import { FIGURE_COLUMNS, figureValues, INSERT_FIGURES_SQL } from '../reports/DayFigureRows.ts';

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
  {
    version: 4,
    name: 'report figures as columns and compact histograms (report_day_figures, converted from report_day_facts); follow-up cases dated',
    up: (db: Database) => {
      db.exec(`
        CREATE TABLE report_day_figures (
          range_day TEXT NOT NULL,       -- the closed hall-day whose stretch of the log gave this row
          day TEXT NOT NULL,             -- the day the figures count on
          dim TEXT NOT NULL,             -- hall | zone | category | window | staff | item
          key TEXT NOT NULL,
          issued INTEGER NOT NULL, served INTEGER NOT NULL, no_show INTEGER NOT NULL, cancelled INTEGER NOT NULL,
          ended_at_close INTEGER NOT NULL, services INTEGER NOT NULL, transfers INTEGER NOT NULL,
          wait_n INTEGER NOT NULL, wait_ms INTEGER NOT NULL, handle_n INTEGER NOT NULL, handle_ms INTEGER NOT NULL,
          rated INTEGER NOT NULL, lapsed INTEGER NOT NULL,
          counts BLOB                    -- (slot, count) uint32 pairs: histograms, sources, channel × level (reports/DayFigureRows.ts)
        );
        CREATE INDEX report_day_figures_by_dim ON report_day_figures (dim, day);
        CREATE INDEX report_day_figures_by_range ON report_day_figures (range_day);
        -- the hall-days a case was opened and closed on (filled from opened_at/closed_at in the hall's
        -- time zone by DayArchive.archivePending for cases stored before this migration)
        ALTER TABLE report_follow_ups ADD COLUMN opened_day TEXT;
        ALTER TABLE report_follow_ups ADD COLUMN closed_day TEXT;
        CREATE INDEX report_follow_ups_by_day ON report_follow_ups (opened_day);
      `);
      const insert = db.prepare(INSERT_FIGURES_SQL);
      // In chunks (a year of Qingdao is ~400,000 rows; a statement cannot write while one reads).
      const chunk = db.prepare('SELECT rowid, range_day, day, dim, key, figures FROM report_day_facts WHERE rowid > ? ORDER BY rowid LIMIT 5000').raw();
      for (let after = 0; ; ) {
        const rows = chunk.all(after) as [number, string, string, string, string, string][];
        for (const [, rangeDay, day, dim, key, figures] of rows) insert.run(rangeDay, day, dim, key, ...figureValues(JSON.parse(figures) as DayFigures));
        const last = rows.at(-1);
        if (!last) break;
        after = last[0];
      }
      db.exec('DROP TABLE report_day_facts');
      if (FIGURE_COLUMNS.length !== 14) throw new Error('report_day_figures columns changed: write a new migration');
    },
  },
  {
    version: 5,
    name: '申诉 of 差评 cases for reports: how the rating of each case was counted, and the state of its appeal',
    up: `
      -- core RatingCounted as JSON (day, channel, level, keys): an appeal upheld on a later day takes
      -- the rating back out of that day's figures (reports/DayArchive.ts)
      ALTER TABLE report_follow_ups ADD COLUMN rating TEXT;
      ALTER TABLE report_follow_ups ADD COLUMN appeal TEXT;   -- filed | upheld | rejected
      -- closed days whose stretch holds an appeal decision were archived without it: archived again at start
      UPDATE hall_days SET archived_at = NULL
        WHERE EXISTS (SELECT 1 FROM hall_events WHERE type = 'EvaluationAppealDecided' AND n BETWEEN hall_days.first_n AND hall_days.close_n);
    `,
  },
];
