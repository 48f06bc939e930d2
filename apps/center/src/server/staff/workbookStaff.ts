// The hall workbook's 人员 rows (hall13's import, checked there: 工号, 姓名, 可登录窗口 as window ids,
// 角色) become staff accounts once an import is applied. Existing accounts keep their PINs; new ones get
// a random PIN nobody has seen — the admin hands out a new one with 人员 → 重置PIN. Admins come only
// from `hallkit-center admin create`, never from a spreadsheet.
import type { HallState } from '@hallkit/core';
import type { StaffRow } from '../hall/workbook/StaffRow.ts';
import type { StaffRole } from '../auth/Role.ts';
import type { StaffDirectory } from './StaffDirectory.ts';
import type { StaffMember } from '../auth/Accounts.ts';
import { parseWindowRange, windowInRange } from '../auth/WindowRange.ts';
import type { AuditLog } from '../auth/AuditLog.ts';

const ROLE_OF: Record<StaffRow['roles'][number], StaffRole | undefined> = { staff: 'staff', supervisor: 'supervisor', 'service-desk': 'desk', auditor: 'auditor', admin: undefined };
/** When a row names several roles, the one with the most rights that an account can hold. */
const ORDER: StaffRole[] = ['supervisor', 'desk', 'auditor', 'staff'];

export function applyWorkbookStaff(dir: StaffDirectory, audit: AuditLog, hall: HallState, rows: readonly StaffRow[], actor: string): { saved: number; refused: { row: number; message: string }[] } {
  const refused: { row: number; message: string }[] = [];
  let saved = 0;
  for (const r of rows) {
    const roles = r.roles.map((x) => ROLE_OF[x]).filter((x): x is StaffRole => x !== undefined);
    if (r.roles.includes('admin')) refused.push({ row: r.row, message: `${r.staffNo}: 大厅管理员不能从表格创建（用 hallkit-center admin create）` });
    const role = ORDER.find((x) => roles.includes(x));
    if (!role) continue;
    const windows = r.windowIds.map((id) => hall.windows.get(id)).filter((w) => w !== undefined);
    const input = {
      staffNo: r.staffNo,
      name: r.name,
      role,
      windows: role === 'supervisor' ? '' : windows.map((w) => w.config.number).join(','),
      // 管理区域 when the row gives it; else a supervisor's zones are those of the windows named.
      zones: role === 'supervisor' ? (r.zoneIds ?? [...new Set(windows.map((w) => w.config.zoneId))]) : (r.zoneIds ?? []),
      ...(r.homeWindowId !== undefined ? { windowId: r.homeWindowId } : windows[0] && role === 'staff' ? { windowId: windows[0].config.id } : {}),
    };
    const res = dir.save(input, actor);
    if (res.ok) saved++;
    else refused.push({ row: r.row, message: res.issues.map((i) => `${i.field}: ${i.message}`).join('; ') });
  }
  audit.record(actor, 'staff-imported', 'workbook', { saved, refused });
  return { saved, refused };
}

const ROW_ROLE: Record<StaffRole, StaffRow['roles'][number]> = { staff: 'staff', supervisor: 'supervisor', desk: 'service-desk', auditor: 'auditor' };

/**
 * The accounts as 人员 rows for the workbook export: the account's role, the windows it may log in at
 * (its range, or every window for `*`), its home window and its zones — what applyWorkbookStaff reads back.
 */
export function workbookStaffRows(members: readonly StaffMember[], hall: HallState): StaffRow[] {
  const windows = [...hall.windows.values()].map((w) => w.config).sort((a, b) => a.number - b.number);
  return members.map((m, i) => {
    let range: ReturnType<typeof parseWindowRange> = [];
    try {
      range = parseWindowRange(m.windows);
    } catch {
      range = []; // a range the directory would refuse today: export what it can, the home window
    }
    return {
      staffNo: m.staffNo,
      name: m.name,
      windowIds: windows.filter((w) => windowInRange(range, w.number)).map((w) => w.id),
      roles: [ROW_ROLE[m.role]],
      ...(m.windowId ? { homeWindowId: m.windowId } : {}),
      ...(m.zones.length ? { zoneIds: [...m.zones] } : {}),
      row: i + 2,
    };
  });
}
