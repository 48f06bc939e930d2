// Which windows a staff member may log in at, as staff write it in the workbook and the admin
// console: window numbers and ranges ("5, 7, 10-20"), or "*" for any window of the hall.
export type WindowRange = '*' | readonly (readonly [number, number])[];

export class WindowRangeError extends Error {}

export function parseWindowRange(text: string): WindowRange {
  const s = text.replace(/[，、；;]/g, ',').replace(/[－—~～至到]/g, '-').replace(/号|窗口|\s+/g, '');
  if (s === '*' || s === '全部') return '*';
  if (s === '') return [];
  const out: [number, number][] = [];
  for (const part of s.split(',')) {
    if (part === '') continue;
    const m = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(part);
    if (!m) throw new WindowRangeError(`「${part}」不是窗口号或范围（例：5,7,10-20）`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from) throw new WindowRangeError(`「${part}」不是有效范围`);
    out.push([from, to]);
  }
  return out;
}

export function formatWindowRange(r: WindowRange): string {
  if (r === '*') return '*';
  return r.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(',');
}

export function windowInRange(r: WindowRange, number: number): boolean {
  return r === '*' || r.some(([a, b]) => number >= a && number <= b);
}
