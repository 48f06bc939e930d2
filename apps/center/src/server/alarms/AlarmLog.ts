// Alarms as rows: raised when a condition starts, cleared when it ends. Read by the consoles (open
// ones, pushed live) and by the reports (per hall-day counts and durations).
import type { Database } from 'better-sqlite3';

export const ALARM_KINDS = ['stranded-category', 'long-wait', 'unstaffed-window'] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

export interface AlarmCondition {
  key: string;
  kind: AlarmKind;
  zoneId: string;
  categoryId: string | null;
  windowId: string | null;
  detail: Record<string, number | string>;
}

export interface AlarmRow extends AlarmCondition {
  id: number;
  day: string;
  raisedAt: number;
  clearedAt: number | null;
}

interface Row {
  id: number;
  key: string;
  kind: AlarmKind;
  zone_id: string;
  category_id: string | null;
  window_id: string | null;
  day: string;
  raised_at: number;
  cleared_at: number | null;
  detail: string;
}

const toAlarm = (r: Row): AlarmRow => ({
  id: r.id,
  key: r.key,
  kind: r.kind,
  zoneId: r.zone_id,
  categoryId: r.category_id,
  windowId: r.window_id,
  day: r.day,
  raisedAt: r.raised_at,
  clearedAt: r.cleared_at,
  detail: JSON.parse(r.detail) as AlarmRow['detail'],
});

export class AlarmLog {
  constructor(private readonly db: Database) {}

  /** Alarms not cleared yet, oldest first. */
  open(): AlarmRow[] {
    return (this.db.prepare('SELECT * FROM alarms WHERE cleared_at IS NULL ORDER BY raised_at, id').all() as Row[]).map(toAlarm);
  }

  /** Every alarm raised on a hall-day (for the reports and the console's history). */
  ofDay(day: string): AlarmRow[] {
    return (this.db.prepare('SELECT * FROM alarms WHERE day = ? ORDER BY raised_at, id').all(day) as Row[]).map(toAlarm);
  }

  /** Makes the open alarms match `now`: raises the new conditions, clears the ended ones. True when anything changed. */
  reconcile(conditions: readonly AlarmCondition[], at: number, day: string): boolean {
    const open = new Map(this.open().map((a) => [a.key, a]));
    const want = new Map(conditions.map((c) => [c.key, c]));
    let changed = false;
    this.db.transaction(() => {
      for (const [key, a] of open) {
        if (want.has(key)) continue;
        this.db.prepare('UPDATE alarms SET cleared_at = ? WHERE id = ?').run(at, a.id);
        changed = true;
      }
      for (const [key, c] of want) {
        if (open.has(key)) continue;
        this.db
          .prepare('INSERT INTO alarms (key, kind, zone_id, category_id, window_id, day, raised_at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(key, c.kind, c.zoneId, c.categoryId, c.windowId, day, at, JSON.stringify(c.detail));
        changed = true;
      }
    })();
    return changed;
  }

  thresholds(): Map<string, number> {
    return new Map((this.db.prepare('SELECT category_id, wait_minutes FROM alarm_thresholds').all() as { category_id: string; wait_minutes: number }[]).map((r) => [r.category_id, r.wait_minutes]));
  }

  setThreshold(categoryId: string, minutes: number | null): void {
    if (minutes === null) this.db.prepare('DELETE FROM alarm_thresholds WHERE category_id = ?').run(categoryId);
    else this.db.prepare('INSERT INTO alarm_thresholds (category_id, wait_minutes) VALUES (?, ?) ON CONFLICT (category_id) DO UPDATE SET wait_minutes = excluded.wait_minutes').run(categoryId, minutes);
  }
}
