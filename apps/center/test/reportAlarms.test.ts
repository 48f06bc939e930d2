// Alarms in the reports and the Excel export: raised and cleared through the alarms module's own log
// (AlarmLog.reconcile, as the live hall does), then counted per kind, zone and window over a range —
// counts, total and longest durations, one still open counted up to now — and the workbook carries
// the same figures on its 告警 sheet.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { shippedHall } from '@hallkit/testkit';
import { openCenterDb } from '../src/server/store/CenterStore.ts';
import { HallService } from '../src/server/hall/HallService.ts';
import { ALARM_MIGRATIONS } from '../src/server/alarms/alarmMigrations.ts';
import { AlarmLog, type AlarmCondition } from '../src/server/alarms/AlarmLog.ts';
import { ReportQuery } from '../src/server/reports/ReportQuery.ts';
import { ReportLabels } from '../src/server/reports/ReportLabels.ts';
import { reportWorkbook } from '../src/server/reports/ReportWorkbook.ts';

const config = shippedHall('yantai', { allDay: true });
const w = config.windows[0]!;
const cat = config.catalog.categories[0]!;
const MIN = 60_000;

describe('alarms in the reports', () => {
  it('counts alarms with their durations by kind, zone and window, and exports them', async () => {
    const db = openCenterDb(join(mkdtempSync(join(tmpdir(), 'hallkit-report-alarms-')), 'center.sqlite'), [{ namespace: 'module:alarms', migrations: ALARM_MIGRATIONS }]);
    const hall = new HallService(db, config);
    const log = new AlarmLog(db);
    const unstaffed: AlarmCondition = { key: `unstaffed:${w.id}`, kind: 'unstaffed-window', zoneId: w.zoneId, categoryId: null, windowId: w.id, detail: {} };
    const longWait: AlarmCondition = { key: `long-wait:${cat.id}`, kind: 'long-wait', zoneId: cat.zoneId, categoryId: cat.id, windowId: null, detail: { minutes: 42 } };
    const t0 = Date.parse('2026-11-02T09:00:00+08:00');
    log.reconcile([unstaffed], t0, '2026-11-02');
    log.reconcile([unstaffed, longWait], t0 + 10 * MIN, '2026-11-02');
    log.reconcile([longWait], t0 + 25 * MIN, '2026-11-02'); // unstaffed cleared after 25 min
    log.reconcile([], t0 + 40 * MIN, '2026-11-02'); // long wait cleared after 30 min
    const t1 = Date.parse('2026-11-03T10:00:00+08:00');
    log.reconcile([unstaffed], t1, '2026-11-03'); // still open at "now", 15 min later
    log.reconcile([unstaffed], t1, '2026-11-03');
    // Outside the range: not counted.
    db.prepare("INSERT INTO alarms (key, kind, zone_id, category_id, window_id, day, raised_at, cleared_at, detail) VALUES ('x', 'long-wait', ?, ?, NULL, '2026-10-30', 0, 60000, '{}')").run(cat.zoneId, cat.id);

    const query = new ReportQuery(db, hall, new ReportLabels(hall, () => undefined), () => new Date(t1 + 15 * MIN));
    const r = query.report('2026-11-01', '2026-11-03', 'window', 'day');
    expect(r.alarms.total).toEqual({ count: 3, totalSeconds: (25 + 30 + 15) * 60, longestSeconds: 30 * 60, open: 1 });
    expect(r.alarms.byKind.find((k) => k.kind === 'unstaffed-window')?.figures).toEqual({ count: 2, totalSeconds: 40 * 60, longestSeconds: 25 * 60, open: 1 });
    expect(r.alarms.byKind.find((k) => k.kind === 'long-wait')).toMatchObject({ label: '等候超时', figures: { count: 1, totalSeconds: 30 * 60 } });
    expect(r.alarms.byWindow).toEqual([{ key: w.id, label: `${w.number}号窗口`, figures: { count: 2, totalSeconds: 40 * 60, longestSeconds: 25 * 60, open: 1 } }]);
    const zoneCount = r.alarms.byZone.reduce((n, z) => n + z.figures.count, 0);
    expect(zoneCount).toBe(3);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportWorkbook(r, config.catalog.hall.name)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('告警');
    expect(sheet).toBeDefined();
    const rows = sheet!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    const find = (label: string) => rows.find((row) => row[0] === label);
    expect(find('合计')).toEqual(['合计', 3, 70, 30, 1]);
    expect(find('窗口无人')).toEqual(['窗口无人', 2, 40, 25, 1]);
    expect(find(`${w.number}号窗口`)).toEqual([`${w.number}号窗口`, 2, 40, 25, 1]);
    db.close();
  });
});
