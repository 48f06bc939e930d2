// Reads the hall log past its cursor and turns each rating, lapse and follow-up step into an outbox
// row — the rows and the cursor's move in one transaction, so a stop at any point (kill -9 too)
// neither loses a record nor makes one twice (record ids are unique besides).
import type { Database } from 'better-sqlite3';
import { HallEventSchema, hallDay, type HallConfig } from '@hallkit/core';
import type { Logger } from '@hallkit/sync';
import type { ProvinceFeedSettings } from './ProvinceFeedSettings.ts';
import { areaCodeOf, FEED_EVENT_TYPES, recordOfEvent, type RecordContext } from './recordOfEvent.ts';

export class FeedScanner {
  /** Staff names as the windows' openings recorded them (newest wins). */
  private readonly shiftNames = new Map<string, string>();
  private saidBlocked = false;

  constructor(
    private readonly db: Database,
    private readonly settings: ProvinceFeedSettings,
    private readonly config: () => HallConfig,
    private readonly staffName: (id: string) => string | undefined,
    private readonly logger: Logger,
    private readonly now: () => number,
    private readonly applicantOf?: RecordContext['applicantOf'],
    private readonly batch = 5_000,
  ) {}

  /** Why no records can be made now (the admin console shows it), or undefined. */
  get blocked(): string | undefined {
    return areaCodeOf(this.settings, this.config()) === undefined ? 'no-region-code' : undefined;
  }

  get cursor(): number {
    return (this.db.prepare('SELECT n FROM province_cursor WHERE one = 1').get() as { n: number } | undefined)?.n ?? 0;
  }

  /** Turns every new event into records; returns how many records were made. */
  scan(): number {
    if (this.blocked) {
      // Records wait in the log (the cursor stays) until the hall names its 辖区.
      if (!this.saidBlocked) this.logger.error('好差评 records wait: the hall definition has no region code (catalog.hall.regionCode in the hall file)');
      this.saidBlocked = true;
      return 0;
    }
    this.saidBlocked = false;
    let made = 0;
    for (;;) {
      const r = this.step();
      made += r.made;
      if (!r.more) return made;
    }
  }

  private step(): { made: number; more: boolean } {
    const db = this.db;
    return db.transaction(() => {
      const from = this.cursor;
      const last = (db.prepare('SELECT max(n) AS n FROM hall_events').get() as { n: number | null }).n ?? 0;
      if (last <= from) return { made: 0, more: false };
      // WindowOpened too: who staffed a window, by name, for staff with no account at the center.
      const types = [...FEED_EVENT_TYPES, 'WindowOpened'];
      const rows = db
        .prepare(`SELECT n, body FROM hall_events WHERE type IN (${types.map(() => '?').join(',')}) AND n > ? AND n <= ? ORDER BY n LIMIT ?`)
        .all(...types, from, last, this.batch) as { n: number; body: string }[];
      const through = rows.length === this.batch ? (rows.at(-1)?.n ?? last) : last;
      const config = this.config();
      const tz = config.catalog.hall.timeZone;
      const insert = db.prepare("INSERT OR IGNORE INTO province_outbox (record_id, subject, kind, event_n, day, body, status, next_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?)");
      const t = this.now();
      let made = 0;
      for (const row of rows) {
        const parsed = HallEventSchema.safeParse(JSON.parse(row.body));
        if (!parsed.success) throw new Error(`hall_events row ${row.n} does not match the event schema`);
        const e = parsed.data;
        if (e.type === 'WindowOpened') {
          this.shiftNames.set(e.staff.id, e.staff.name);
          continue;
        }
        const day = hallDay(e.at, tz);
        if (this.settings.fromDay !== undefined && day < this.settings.fromDay) continue;
        const record = recordOfEvent(e, {
          settings: this.settings,
          config,
          staffName: (id) => this.staffName(id) ?? this.shiftNames.get(id),
          caseOf: (caseId) => {
            const c = db.prepare('SELECT evaluation_id, project_no FROM province_cases WHERE case_id = ?').get(caseId) as { evaluation_id: string; project_no: string } | undefined;
            return c ? { projectNo: c.project_no, evaluationId: c.evaluation_id } : undefined;
          },
          ...(this.applicantOf ? { applicantOf: this.applicantOf } : {}),
          projectOfEvaluation: (id) => (db.prepare('SELECT project_no FROM province_evaluations WHERE evaluation_id = ?').get(id) as { project_no: string } | undefined)?.project_no,
        });
        if (!record) continue;
        if (record.kind === 'evaluation') db.prepare('INSERT OR IGNORE INTO province_evaluations (evaluation_id, project_no) VALUES (?, ?)').run(record.evaluationId, record.projectNo);
        if (record.kind === 'follow-up' && record.step === 'opened') db.prepare('INSERT OR IGNORE INTO province_cases (case_id, evaluation_id, project_no) VALUES (?, ?, ?)').run(record.caseId, record.evaluationId, record.projectNo);
        made += insert.run(record.recordId, record.projectNo, record.kind, row.n, day, JSON.stringify(record), t).changes;
      }
      db.prepare('INSERT INTO province_cursor (one, n) VALUES (1, ?) ON CONFLICT (one) DO UPDATE SET n = excluded.n').run(through);
      if (made > 0) this.logger.debug('好差评 records queued for the province', { made, through });
      return { made, more: through < last };
    })();
  }
}
