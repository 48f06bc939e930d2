// The hall definition's text forms (workbook cells, the console's inputs): 办理时间 (周一至周五 08:30-12:00,13:30-17:30; 周六 09:00-12:00),
// 叫号规则 (顺序 / 优先:普通=1:2), window lists (1-17、20), category lists (A、B,E). Each parser
// returns the value or a coded reason (Chinese text for the workbook preview and the CLI, a code the
// console translates); each formatter writes what its parser reads back.
import { formatMinuteOfDay, type OpeningRule } from '../../catalog/Catalog.ts';
import type { CallingRule } from '../../calling/CallingRule.ts';
import { definitionText, type CodedText, type DefinitionCode, type TextParams } from './definitionText.ts';

export type ParsedText<T> = { ok: true; value: T } | ({ ok: false; reason: string } & CodedText);

function fail(code: DefinitionCode, params: TextParams = {}): { ok: false; reason: string } & CodedText {
  const t = definitionText(code, params);
  return { ok: false, reason: t.message, ...t };
}

const DAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
const DAY_ALIASES: Record<string, number> = {
  周日: 0,
  周天: 0,
  星期日: 0,
  星期天: 0,
  周一: 1,
  星期一: 1,
  周二: 2,
  星期二: 2,
  周三: 3,
  星期三: 3,
  周四: 4,
  星期四: 4,
  周五: 5,
  星期五: 5,
  周六: 6,
  星期六: 6,
};

function day(s: string): number | undefined {
  return DAY_ALIASES[s.trim()];
}

function time(s: string): number | undefined {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}

/** `周一至周五 08:30-12:00,13:30-17:30; 周六 09:00-12:00`, `每天 00:00-24:00`, `周一、周三 09:00-11:00`. */
export function parseOpeningHours(text: string): ParsedText<OpeningRule[]> {
  const rules: OpeningRule[] = [];
  const parts = text
    .split(/[;；\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return fail('hoursEmpty');
  for (const part of parts) {
    const m = /^(\S+)\s+(.+)$/.exec(part);
    if (!m) return fail('hoursPart', { part });
    const [, daysText = '', periodsText = ''] = m;
    let weekdays: number[];
    if (daysText === '每天' || daysText === '每日') weekdays = [0, 1, 2, 3, 4, 5, 6];
    else {
      weekdays = [];
      for (const d of daysText.split(/[、,，]/)) {
        const range = d.split(/至|到|-|~/);
        if (range.length === 2) {
          const a = day(range[0] ?? '');
          const b = day(range[1] ?? '');
          if (a === undefined || b === undefined || a > b)
            return fail('weekdayRange', { text: d });
          for (let x = a; x <= b; x++) weekdays.push(x);
        } else {
          const x = day(d);
          if (x === undefined) return fail('weekdayUnknown', { text: d });
          weekdays.push(x);
        }
      }
    }
    const periods = [];
    for (const p of periodsText
      .split(/[,，、]/)
      .map((x) => x.trim())
      .filter((x) => x !== '')) {
      const [a, b, extra] = p.split(/-|—|–|~|至/);
      const from = time(a ?? '');
      const to = time(b ?? '');
      if (extra !== undefined || from === undefined || to === undefined)
        return fail('periodFormat', { period: p });
      if (from >= to) return fail('periodOrder', { period: p });
      periods.push({ from, to });
    }
    if (periods.length === 0) return fail('periodMissing', { part });
    rules.push({ weekdays: [...new Set(weekdays)].sort((a, b) => a - b), periods });
  }
  return { ok: true, value: rules };
}

export function formatOpeningHours(rules: readonly OpeningRule[]): string {
  return rules
    .map(
      (r) =>
        `${formatDays(r.weekdays)} ${r.periods.map((p) => `${formatMinuteOfDay(p.from)}-${formatMinuteOfDay(p.to)}`).join(',')}`,
    )
    .join('; ');
}

function formatDays(days: readonly number[]): string {
  const d = [...days].sort((a, b) => a - b);
  if (d.length === 7) return '每天';
  const contiguous = d.length > 2 && d.every((x, i) => i === 0 || x === (d[i - 1] ?? 0) + 1);
  if (contiguous) return `${DAY_NAMES[d[0] ?? 0]}至${DAY_NAMES[d[d.length - 1] ?? 0]}`;
  return d.map((x) => DAY_NAMES[x]).join('、');
}

/** `顺序` → strict; `优先:普通=1:2` → interleave 1 priority call, then 2 normal. */
export function parseCallingRule(text: string): ParsedText<CallingRule> {
  const t = text.trim();
  if (t === '顺序' || t === '严格优先') return { ok: true, value: { mode: 'strict' } };
  const m = /^优先[:：]普通\s*=\s*(\d+)\s*[:：]\s*(\d+)$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[2]) >= 1)
    return { ok: true, value: { mode: 'interleave', priority: Number(m[1]), normal: Number(m[2]) } };
  return fail('callingRule', { text: t });
}

export function formatCallingRule(r: CallingRule): string {
  return r.mode === 'strict' ? '顺序' : `优先:普通=${r.priority}:${r.normal}`;
}

/** `A、B,E` → ['A', 'B', 'E']. */
export function splitList(text: string): string[] {
  return text
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/** `1-17、20` → [1 … 17, 20]. */
export function parseWindowNumbers(text: string): ParsedText<number[]> {
  const out: number[] = [];
  for (const part of splitList(text)) {
    const range = /^(\d+)\s*[-–~至]\s*(\d+)$/.exec(part);
    if (range) {
      const a = Number(range[1]);
      const b = Number(range[2]);
      if (a < 1 || a > b) return fail('windowRangeInvalid', { part });
      if (b - a > 1000) return fail('windowRangeTooLarge', { part });
      for (let x = a; x <= b; x++) out.push(x);
    } else if (/^\d+$/.test(part) && Number(part) >= 1) out.push(Number(part));
    else return fail('windowNumberInvalid', { part });
  }
  return { ok: true, value: [...new Set(out)] };
}

/** [1 … 17, 20] → `1-17、20`. */
export function formatWindowNumbers(ns: readonly number[]): string {
  const d = [...new Set(ns)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < d.length;) {
    let j = i;
    while (j + 1 < d.length && d[j + 1] === (d[j] ?? 0) + 1) j++;
    out.push(j > i ? `${d[i]}-${d[j]}` : String(d[i]));
    i = j + 1;
  }
  return out.join('、');
}
