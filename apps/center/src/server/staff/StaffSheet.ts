// The hall workbook's 人员 sheet (工号, 姓名, 可登录窗口, 角色) as staff accounts: hall13's workbook
// import calls `importStaffRows` with the sheet's rows (preview with dryRun, then for real).
// Existing accounts keep their PINs; new ones get a random PIN, returned once to hand over.
import type { HallState } from '@hallkit/core';
import { parseWindowRange, windowInRange } from '../auth/WindowRange.ts';
import { ROLE_WORDS, type StaffDirectory, type StaffIssue } from './StaffDirectory.ts';

export interface StaffSheetRow {
  工号: string;
  姓名: string;
  可登录窗口: string;
  角色: string;
}

export interface StaffSheetResult {
  ok: boolean;
  /** Per row: what would happen / happened. New accounts carry their first PIN (not in a dry run). */
  rows: { staffNo: string; action: 'add' | 'change' | 'same'; pin?: string }[];
  issues: (StaffIssue & { row: number })[];
}

export function importStaffRows(dir: StaffDirectory, hall: HallState, rows: readonly StaffSheetRow[], actor: string, opts: { dryRun?: boolean } = {}): StaffSheetResult {
  const issues: StaffSheetResult['issues'] = [];
  const inputs = rows.map((r, i) => {
    const staffNo = String(r.工号 ?? '').trim();
    const role = ROLE_WORDS[String(r.角色 ?? '').trim() || '窗口人员'];
    if (!role) issues.push({ row: i + 2, staffNo, field: '角色', message: `不认识的角色「${r.角色}」（窗口人员、值班长、导服台、好差评督查）` });
    const windows = String(r.可登录窗口 ?? '').trim();
    // A supervisor's 可登录窗口 names the windows they run: their zones are those windows' zones.
    let zones: string[] = [];
    if (role === 'supervisor') {
      try {
        const range = parseWindowRange(windows);
        zones = [...new Set([...hall.windows.values()].filter((w) => windowInRange(range, w.config.number)).map((w) => w.config.zoneId))];
      } catch {
        zones = [];
      }
    }
    return { staffNo, name: String(r.姓名 ?? '').trim(), role: role ?? 'staff', windows: role === 'supervisor' ? '' : windows, zones };
  });
  const seen = new Set<string>();
  inputs.forEach((input, i) => {
    if (seen.has(input.staffNo)) issues.push({ row: i + 2, staffNo: input.staffNo, field: '工号', message: `工号 ${input.staffNo} 重复` });
    seen.add(input.staffNo);
    const c = dir.check(input);
    if (!c.ok) for (const x of c.issues) issues.push({ ...x, row: i + 2, field: sheetField(x.field) });
  });
  const existing = new Map(dir.list().map((m) => [m.staffNo, m]));
  const plan = inputs.map((x) => {
    const old = existing.get(x.staffNo);
    const same = old && old.name === x.name && old.role === x.role && old.windows === x.windows && JSON.stringify(old.zones) === JSON.stringify(x.zones);
    return { staffNo: x.staffNo, action: (!old ? 'add' : same ? 'same' : 'change') as 'add' | 'change' | 'same' };
  });
  if (issues.length || opts.dryRun) return { ok: issues.length === 0, rows: plan, issues };
  const done = inputs.map((x, i) => {
    const p = plan[i] as (typeof plan)[number];
    if (p.action === 'same') return p;
    const r = dir.save(x, actor);
    return r.ok && r.pin ? { ...p, pin: r.pin } : p;
  });
  return { ok: true, rows: done, issues: [] };
}

function sheetField(f: string): string {
  return ({ staffNo: '工号', name: '姓名', windows: '可登录窗口', windowId: '可登录窗口', role: '角色', zones: '可登录窗口' } as Record<string, string>)[f] ?? f;
}
