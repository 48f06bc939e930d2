// The figures of every closed hall-day, stored once per day and dimension (core dayFacts over the
// day's own stretch of the log), so a month or a year of reports adds a few thousand small rows
// instead of replaying millions of events. Archiving is idempotent per day (rows are replaced), runs
// after each close and at start for any closed day not yet archived, and can be redone from the log.
// A 差评 upheld on appeal in a later stretch is taken out by that stretch's rows (dated the rating's
// day), from how the case's rating was counted — kept with the case (report_follow_ups.rating).
import type { Database } from 'better-sqlite3';
import { dayFacts, hallDay, type FollowUpFact, type HallConfig, type RatingCounted } from '@hallkit/core';
import type { Logger } from '@hallkit/sync';
import type { HallLog } from '../hall/HallLog.ts';
import { figureValues, INSERT_FIGURES_SQL } from './DayFigureRows.ts';
import { FollowUpSums } from './FollowUpSums.ts';

export class DayArchive {
  constructor(
    private readonly db: Database,
    private readonly log: HallLog,
    private readonly config: () => HallConfig,
    private readonly logger: Logger,
  ) {}

  /** Archives every closed day that has no figures yet; returns the days done. */
  archivePending(): string[] {
    const days = this.db.prepare('SELECT day FROM hall_days WHERE archived_at IS NULL ORDER BY close_n').all() as { day: string }[];
    const dated = new FollowUpSums(this.db).fillDays(this.config().catalog.hall.timeZone);
    if (dated > 0) this.logger.info('follow-up cases dated for reports', { cases: dated });
    for (const { day } of days) this.archive(day);
    return days.map((d) => d.day);
  }

  /** (Re)computes one closed day's figures from its stretch of the log. */
  archive(day: string): void {
    const row = this.db.prepare('SELECT first_n, close_n FROM hall_days WHERE day = ?').get(day) as { first_n: number; close_n: number } | undefined;
    if (!row) throw new Error(`hall-day ${day} is not closed`);
    const t0 = performance.now();
    const { rows, followUps } = dayFacts(this.config(), this.log.between(row.first_n - 1, row.close_n), storedRating(this.db, this.log, this.config));
    const insert = this.db.prepare(INSERT_FIGURES_SQL);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM report_day_figures WHERE range_day = ?').run(day);
      for (const r of rows) insert.run(day, r.day, r.dim, r.key, ...figureValues(r.figures));
      const tz = this.config().catalog.hall.timeZone;
      for (const f of followUps) this.upsertFollowUp(f, tz);
      this.db.prepare('UPDATE hall_days SET archived_at = ? WHERE day = ?').run(new Date().toISOString(), day);
    })();
    this.logger.info('hall-day archived for reports', { day, rows: rows.length, followUps: followUps.length, ms: Math.round(performance.now() - t0) });
  }

  private upsertFollowUp(f: FollowUpFact, tz: string): void {
    // A later stretch only fills in what it knows: the case's opening stays as first recorded.
    this.db
      .prepare(
        `INSERT INTO report_follow_ups (case_id, opened_at, deadline, window_id, staff_id, zone_id, category_id, item_id, state, contacted_at, rectified_at, closed_at, note, opened_day, closed_day, rating, appeal)
         VALUES (@caseId, @openedAt, @deadline, @windowId, @staffId, @zoneId, @categoryId, @itemId, @state, @contactedAt, @rectifiedAt, @closedAt, @note, @openedDay, @closedDay, @rating, @appeal)
         ON CONFLICT (case_id) DO UPDATE SET
           opened_at = coalesce(opened_at, excluded.opened_at), deadline = coalesce(deadline, excluded.deadline),
           opened_day = coalesce(opened_day, excluded.opened_day), closed_day = coalesce(excluded.closed_day, closed_day),
           window_id = coalesce(window_id, excluded.window_id), staff_id = coalesce(staff_id, excluded.staff_id),
           zone_id = coalesce(zone_id, excluded.zone_id), category_id = coalesce(category_id, excluded.category_id),
           item_id = coalesce(item_id, excluded.item_id), state = coalesce(excluded.state, state),
           contacted_at = coalesce(excluded.contacted_at, contacted_at), rectified_at = coalesce(excluded.rectified_at, rectified_at),
           closed_at = coalesce(excluded.closed_at, closed_at), note = coalesce(excluded.note, note),
           rating = coalesce(rating, excluded.rating), appeal = coalesce(excluded.appeal, appeal)`,
      )
      .run({
        caseId: f.caseId,
        openedAt: f.openedAt ?? null,
        deadline: f.deadline ?? null,
        windowId: f.windowId ?? null,
        staffId: f.staffId ?? null,
        zoneId: f.zoneId ?? null,
        categoryId: f.categoryId ?? null,
        itemId: f.itemId ?? null,
        state: f.state ?? null,
        contactedAt: f.contactedAt ?? null,
        rectifiedAt: f.rectifiedAt ?? null,
        closedAt: f.closedAt ?? null,
        note: f.note ?? null,
        openedDay: f.openedAt ? hallDay(f.openedAt, tz) : null,
        closedDay: f.closedAt ? hallDay(f.closedAt, tz) : null,
        rating: f.rating ? JSON.stringify(f.rating) : null,
        appeal: f.appeal ?? null,
      });
  }
}

/**
 * How the rating of a stored case was counted (for an appeal decided in a later stretch). A case
 * stored before history migration 5 has no rating kept: it is found again in the stretch the case
 * was opened in (one day of the log; dayFacts passes it on in the case's fact, which keeps it).
 */
export function storedRating(db: Database, log: HallLog, config: () => HallConfig): (caseId: string) => RatingCounted | undefined {
  const get = db.prepare('SELECT rating, opened_day FROM report_follow_ups WHERE case_id = ?');
  const stretchOf = db.prepare('SELECT first_n, close_n FROM hall_days WHERE day >= ? ORDER BY day LIMIT 1');
  const replayed = new Map<number, Map<string, RatingCounted | undefined>>();
  return (caseId) => {
    const row = get.get(caseId) as { rating: string | null; opened_day: string | null } | undefined;
    if (!row) return undefined;
    if (row.rating) return JSON.parse(row.rating) as RatingCounted;
    if (!row.opened_day) return undefined;
    const stretch = stretchOf.get(row.opened_day) as { first_n: number; close_n: number } | undefined;
    if (!stretch) return undefined;
    let ratings = replayed.get(stretch.first_n);
    if (!ratings) replayed.set(stretch.first_n, (ratings = new Map(dayFacts(config(), log.between(stretch.first_n - 1, stretch.close_n)).followUps.map((f) => [f.caseId, f.rating]))));
    return ratings.get(caseId);
  };
}
