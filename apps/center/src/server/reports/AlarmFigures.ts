// Alarms in the reports: how many were raised over the range, for how long in all and at the
// longest, by kind, by zone and by window (a window's alarm is an unstaffed window; a category's —
// stranded or long wait — counts under its zone). An alarm still open counts up to now. Read from the
// alarms module's table (absent in a center without it: no alarms to report).
import type { Database } from 'better-sqlite3';
import { reportWords } from './reportWords.ts';


export interface AlarmFigures {
  count: number;
  /** Seconds the alarms were up, added together. */
  totalSeconds: number;
  longestSeconds: number;
  /** Still up now. */
  open: number;
}

export interface AlarmReport {
  total: AlarmFigures;
  byKind: { kind: string; label: string; figures: AlarmFigures }[];
  byZone: { key: string; label: string; figures: AlarmFigures }[];
  byWindow: { key: string; label: string; figures: AlarmFigures }[];
}

const empty = (): AlarmFigures => ({ count: 0, totalSeconds: 0, longestSeconds: 0, open: 0 });

export function alarmReport(
  db: Database,
  from: string,
  to: string,
  now: number,
  label: (dim: 'zone' | 'window', key: string) => string,
  kindLabels: Record<string, string> = reportWords('zh-CN').alarmKinds,
): AlarmReport {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alarms'").get();
  const rows = table ? (db.prepare('SELECT kind, zone_id, window_id, raised_at, cleared_at FROM alarms WHERE day BETWEEN ? AND ?').all(from, to) as { kind: string; zone_id: string; window_id: string | null; raised_at: number; cleared_at: number | null }[]) : [];
  const total = empty();
  const kinds = new Map<string, AlarmFigures>();
  const zones = new Map<string, AlarmFigures>();
  const windows = new Map<string, AlarmFigures>();
  const add = (f: AlarmFigures, seconds: number, open: boolean) => {
    f.count += 1;
    f.totalSeconds += seconds;
    f.longestSeconds = Math.max(f.longestSeconds, seconds);
    if (open) f.open += 1;
  };
  const at = <K>(m: Map<K, AlarmFigures>, k: K) => m.get(k) ?? m.set(k, empty()).get(k)!;
  for (const r of rows) {
    const open = r.cleared_at === null;
    const seconds = Math.max(0, Math.round(((r.cleared_at ?? now) - r.raised_at) / 1000));
    add(total, seconds, open);
    add(at(kinds, r.kind), seconds, open);
    add(at(zones, r.zone_id), seconds, open);
    if (r.window_id) add(at(windows, r.window_id), seconds, open);
  }
  const sorted = <T extends { figures: AlarmFigures }>(xs: T[]) => xs.sort((a, b) => b.figures.count - a.figures.count || b.figures.totalSeconds - a.figures.totalSeconds);
  return {
    total,
    byKind: sorted([...kinds].map(([kind, figures]) => ({ kind, label: kindLabels[kind] ?? kind, figures }))),
    byZone: sorted([...zones].map(([key, figures]) => ({ key, label: label('zone', key), figures }))),
    byWindow: sorted([...windows].map(([key, figures]) => ({ key, label: label('window', key), figures }))),
  };
}
