// The 人员 sheet read back: each row a staff account to create or update (工号, 姓名, the windows
// they may log in at, roles, a home window, the zones a 值班长 manages), every problem at its cell.
import { definitionText, parseWindowNumbers, splitList, type CodedText, type ServiceWindow } from '@hallkit/core';
import { ROLE_LABELS } from './definitionToSheets.ts';
import type { StaffRole, StaffRow } from './StaffRow.ts';
import type { Sheet } from './WorkbookSheets.ts';

const ROLE_BY_LABEL = new Map<string, StaffRole>(
  Object.entries(ROLE_LABELS).map(([k, v]) => [v, k as StaffRole]),
);

export function readStaff(
  sheet: Sheet | undefined,
  windows: readonly ServiceWindow[],
  zoneIds: ReadonlySet<string>,
  err: (s: string, r: number, c: string, m: CodedText) => void,
): StaffRow[] {
  const out: StaffRow[] = [];
  const byNumber = new Map(windows.map((w) => [w.number, w.id]));
  const seen = new Map<string, number>();
  for (const r of sheet?.rows ?? []) {
    const staffNo = r.cells.get('工号') ?? '';
    const name = r.cells.get('姓名') ?? '';
    if (!staffNo) err('人员', r.row, '工号', definitionText('cellEmpty', { column: '工号' }));
    else if (seen.has(staffNo))
      err('人员', r.row, '工号', definitionText('duplicateInSheet', { column: '工号', value: staffNo, row: seen.get(staffNo) ?? 0 }));
    seen.set(staffNo, r.row);
    if (!name) err('人员', r.row, '姓名', definitionText('cellEmpty', { column: '姓名' }));
    const windowIds: string[] = [];
    const ns = parseWindowNumbers(r.cells.get('可登录窗口') ?? '');
    if (!ns.ok) err('人员', r.row, '可登录窗口', ns);
    else {
      const unknown = ns.value.filter((n) => !byNumber.has(n));
      if (unknown.length > 0)
        err(
          '人员',
          r.row,
          '可登录窗口',
          definitionText('notInSheet', { column: '窗口', value: `${unknown.slice(0, 5).join('、')}${unknown.length > 5 ? ' 等' : ''}`, sheet: '窗口' }),
        );
      for (const n of ns.value) {
        const id = byNumber.get(n);
        if (id) windowIds.push(id);
      }
    }
    const roles: StaffRole[] = [];
    for (const label of splitList(r.cells.get('角色') ?? '')) {
      const role = ROLE_BY_LABEL.get(label);
      if (!role)
        err('人员', r.row, '角色', definitionText('roleUnknown', { label, known: [...ROLE_BY_LABEL.keys()].join('、') }));
      else roles.push(role);
    }
    if (roles.length === 0 && !(r.cells.get('角色') ?? '')) err('人员', r.row, '角色', definitionText('cellEmpty', { column: '角色' }));
    if (roles.includes('staff') && windowIds.length === 0 && ns.ok)
      err('人员', r.row, '可登录窗口', definitionText('staffNeedsWindow'));
    const home = (r.cells.get('常用窗口') ?? '').trim();
    let homeWindowId: string | undefined;
    if (home) {
      homeWindowId = /^\d+$/.test(home) ? byNumber.get(Number(home)) : undefined;
      if (!homeWindowId) err('人员', r.row, '常用窗口', definitionText('notInSheet', { column: '窗口', value: home, sheet: '窗口' }));
    }
    const zonesOf = splitList(r.cells.get('管理区域') ?? '');
    for (const z of zonesOf) if (!zoneIds.has(z)) err('人员', r.row, '管理区域', definitionText('notInSheet', { column: '功能区编码', value: z, sheet: '功能区' }));
    out.push({
      staffNo,
      name,
      windowIds,
      roles,
      ...(homeWindowId ? { homeWindowId } : {}),
      ...(zonesOf.length ? { zoneIds: zonesOf } : {}),
      row: r.row,
    });
  }
  return out;
}
