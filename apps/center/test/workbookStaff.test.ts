// The workbook's 人员 sheet against the real accounts (#14): export writes each account's real role,
// the windows it may log in at, its home window and a supervisor's zones; importing that workbook
// into an empty center gives accounts with the same rights (export → import is a no-op).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mosquitto } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { StaffDirectory } from '../src/server/staff/StaffDirectory.ts';
import { applyWorkbookStaff, workbookStaffRows } from '../src/server/staff/workbookStaff.ts';
import { definitionToSheets } from '../src/server/hall/workbook/definitionToSheets.ts';
import { sheetsToDefinition } from '../src/server/hall/workbook/sheetsToDefinition.ts';
import { readWorkbookBuffer, writeWorkbookBuffer } from '../src/server/hall/workbook/WorkbookSheets.ts';
import { startCenter, tempDir } from './support/centerHarness.ts';

let broker: Mosquitto;
let a: Center;
let b: Center;
beforeAll(async () => {
  broker = await Mosquitto.start();
  a = await startCenter({ dataDir: tempDir(), mqttUrl: broker.url });
  b = await startCenter({ dataDir: tempDir(), mqttUrl: broker.url });
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await broker?.stop();
});

describe('the 人员 sheet and the accounts', () => {
  it('exports roles, windows, home window and zones, and imports them back to the same rights', async () => {
    const dirA = new StaffDirectory(a.ctx.accounts, a.ctx.audit, () => a.hall.state);
    const w = (n: number) => [...a.hall.state.windows.values()].find((x) => x.config.number === n)?.config;
    const zone = w(40)?.zoneId as string;
    for (const input of [
      { staffNo: 'T001', name: '张窗口', role: 'staff' as const, windowId: w(7)?.id, windows: '5,7,10-12' },
      { staffNo: 'T002', name: '李主管', role: 'supervisor' as const, windows: '', zones: [zone] },
      { staffNo: 'T003', name: '王导服', role: 'desk' as const, windows: '' },
      { staffNo: 'T004', name: '赵督查', role: 'auditor' as const, windows: '' },
    ]) expect(dirA.save(input, 'test').ok).toBe(true);

    const sheets = definitionToSheets(a.hall.config, workbookStaffRows(a.ctx.accounts.allStaff(), a.hall.state));
    const rows = sheets.get('人员')?.rows ?? [];
    const t1 = rows.find((r) => r.cells.get('工号') === 'T001');
    expect(t1?.cells.get('角色')).toBe('窗口人员');
    expect(t1?.cells.get('常用窗口')).toBe('7');
    expect(rows.find((r) => r.cells.get('工号') === 'T002')?.cells.get('角色')).toBe('区域主管');
    expect(rows.find((r) => r.cells.get('工号') === 'T002')?.cells.get('管理区域')).toBe(zone);
    expect(rows.find((r) => r.cells.get('工号') === 'T003')?.cells.get('角色')).toBe('服务台');
    expect(rows.find((r) => r.cells.get('工号') === 'T004')?.cells.get('角色')).toBe('审计');

    // Through a real .xlsx file into another center.
    const read = await readWorkbookBuffer(await writeWorkbookBuffer(sheets));
    const imported = sheetsToDefinition(read, b.hall.config);
    expect(imported.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const dirB = new StaffDirectory(b.ctx.accounts, b.ctx.audit, () => b.hall.state);
    expect(applyWorkbookStaff(dirB, b.ctx.audit, b.hall.state, imported.staff, 'test').refused).toEqual([]);

    const rights = (c: Center) =>
      c.ctx.accounts.allStaff().map((s) => ({
        staffNo: s.staffNo,
        role: s.role,
        home: s.windowId,
        zones: s.zones,
        windows: [...c.hall.state.windows.values()].filter((x) => c.ctx.accounts.mayUseWindow(s, x.config.id, x.config.number)).map((x) => x.config.number),
      }));
    expect(rights(b)).toEqual(rights(a));
  }, 60_000);
});
