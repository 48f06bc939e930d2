// Satisfaction rates by window, by staff and by item (满意率 = 非常满意 + 满意 + 基本满意 over rated);
// a 差评 upheld on appeal (申诉成立) is not counted, as in the reports.
import { isSatisfied, upheldEvaluationIds, type EvaluationChannel, type EvaluationLevel, type HallState, type NameTranslations } from '@hallkit/core';

export interface RateRow {
  key: string;
  /** In Simplified; the console names the row in its language from `windowNumber` or `i18n` (key '-': no item chosen). */
  label: string;
  windowNumber?: number;
  i18n?: NameTranslations;
  rated: number;
  satisfied: number;
  rate: number | null;
  levels: Partial<Record<EvaluationLevel, number>>;
}

export interface EvaluationStats {
  total: number;
  satisfied: number;
  rate: number | null;
  lapsed: number;
  byWindow: RateRow[];
  byStaff: RateRow[];
  byItem: RateRow[];
  recent: { evaluationId: string; at: string; level: EvaluationLevel; windowNumber: number | null; staffId: string; itemName: string | null; ticketNumber: string | null; reasons: string[]; comment: string | null; channel: EvaluationChannel }[];
}

export function evaluationStats(s: HallState, staffNames: (id: string) => string | undefined): EvaluationStats {
  const groups = { byWindow: new Map<string, RateRow>(), byStaff: new Map<string, RateRow>(), byItem: new Map<string, RateRow>() };
  const add = (m: Map<string, RateRow>, key: string, label: string, level: EvaluationLevel, named: Pick<RateRow, 'windowNumber' | 'i18n'> = {}) => {
    let r = m.get(key);
    if (!r) m.set(key, (r = { key, label, ...named, rated: 0, satisfied: 0, rate: null, levels: {} }));
    r.rated++;
    if (isSatisfied(level)) r.satisfied++;
    r.levels[level] = (r.levels[level] ?? 0) + 1;
    r.rate = r.satisfied / r.rated;
  };
  let satisfied = 0;
  const upheld = upheldEvaluationIds(s);
  let total = 0;
  for (const e of s.evaluations.values()) {
    if (upheld.has(e.evaluationId)) continue;
    total++;
    if (isSatisfied(e.level)) satisfied++;
    const w = s.windows.get(e.windowId);
    add(groups.byWindow, e.windowId, w ? `${w.config.number}号窗口` : e.windowId, e.level, w ? { windowNumber: w.config.number } : {});
    add(groups.byStaff, e.staffId, `${staffNames(e.staffId) ?? e.staffId}（${e.staffId}）`, e.level);
    const itemId = e.itemId ?? s.tickets.get(e.ticketId)?.itemId;
    const item = itemId ? s.items.get(itemId) : undefined;
    add(groups.byItem, itemId ?? '-', itemId ? (item?.name ?? itemId) : '（未选事项）', e.level, item?.i18n ? { i18n: item.i18n } : {});
  }
  let lapsed = 0;
  for (const r of s.ratings.values()) if (r.state === 'lapsed') lapsed++;
  const recent = [...s.evaluations.values()]
    .sort((a, b) => (a.at < b.at ? 1 : -1))
    .slice(0, 50)
    .map((e) => {
      const itemId = e.itemId ?? s.tickets.get(e.ticketId)?.itemId;
      return {
        evaluationId: e.evaluationId,
        at: e.at,
        level: e.level,
        windowNumber: s.windows.get(e.windowId)?.config.number ?? null,
        staffId: e.staffId,
        itemName: itemId ? (s.items.get(itemId)?.name ?? null) : null,
        ticketNumber: s.tickets.get(e.ticketId)?.number ?? null,
        reasons: e.reasons,
        comment: e.comment ?? null,
        channel: e.channel,
      };
    });
  const sorted = (m: Map<string, RateRow>) => [...m.values()].sort((a, b) => b.rated - a.rated);
  return { total, satisfied, rate: total ? satisfied / total : null, lapsed, byWindow: sorted(groups.byWindow), byStaff: sorted(groups.byStaff), byItem: sorted(groups.byItem), recent };
}
