// 申诉成立 reaches the live figures at once, as it reaches the reports: the pad's month of the staff
// evaluated (a closed day's rating upheld today, and today's rating upheld today), the 评价 tab's rates,
// and the report of a past range decided today — before the day of the decision closes.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDay, simulateDay, type FollowUpCase } from '@hallkit/core';
import { openCenterDb } from '../src/server/store/CenterStore.ts';
import { HallService } from '../src/server/hall/HallService.ts';
import { DayCloser } from '../src/server/history/DayCloser.ts';
import { DayArchive } from '../src/server/reports/DayArchive.ts';
import { ReportQuery } from '../src/server/reports/ReportQuery.ts';
import { ReportLabels } from '../src/server/reports/ReportLabels.ts';
import { staffMonthRating } from '../src/server/views/staffMonthRating.ts';
import { evaluationStats } from '../src/server/views/evaluationStats.ts';
import { config, quiet } from './support/generatedMonth.ts';

describe('申诉成立 in the live figures', () => {
  it('leaves the pad’s month, the 评价 tab and a past report at once', () => {
    let now = new Date('2026-11-02T07:00:00+08:00');
    const db = openCenterDb(join(mkdtempSync(join(tmpdir(), 'hallkit-appeal-live-')), 'center.sqlite'));
    const hall = new HallService(db, config);
    const closer = new DayCloser(hall, () => now, quiet);
    const archive = new DayArchive(db, hall.log, () => config, quiet);
    const day = (d: string, seed: number) => {
      const { arrivals, shifts } = generateDay(config, d, { tickets: 120, seed });
      hall.run('sim', (h) => simulateDay(h, arrivals, shifts));
    };
    day('2026-11-02', 41);
    const yesterdays = [...hall.state.followUps.values()].filter((c) => c.state !== 'closed');
    expect(yesterdays.length).toBeGreaterThan(0);
    now = new Date('2026-11-03T07:00:00+08:00');
    closer.closeEndedDay();
    archive.archivePending();
    day('2026-11-03', 42);
    now = new Date('2026-11-03T18:00:00+08:00');
    const query = new ReportQuery(db, hall, new ReportLabels(hall, () => undefined), () => now);
    const uphold = (c: FollowUpCase, min: number) => {
      hall.run('admin', (h) => h.appealEvaluation(c.caseId, 'admin:zhang', '误评', `2026-11-03T18:${String(min).padStart(2, '0')}:00+08:00`));
      hall.run('admin', (h) => h.decideAppeal(c.caseId, true, 'admin:li', `2026-11-03T18:${String(min + 1).padStart(2, '0')}:00+08:00`));
    };

    // A closed day's 差评, upheld today.
    const old = yesterdays[0]!;
    const month = (staffId: string) => {
      const r = staffMonthRating(hall.state, staffId, now, db);
      if (!r.ok) throw new Error('refused');
      return [r.rated, r.satisfied];
    };
    const [rated0, satisfied0] = month(old.staffId);
    const past0 = query.report('2026-11-02', '2026-11-02', 'hall');
    uphold(old, 10);
    expect(month(old.staffId)).toEqual([rated0! - 1, satisfied0]);
    const past1 = query.report('2026-11-02', '2026-11-02', 'hall');
    expect([past1.total.rated, past1.total.bad, past1.total.appealUpheld]).toEqual([past0.total.rated - 1, past0.total.bad - 1, 1]);

    // Today's 差评, upheld today: out of the 评价 tab and the month.
    const todays = [...hall.state.followUps.values()].find((c) => c.state !== 'closed' && !c.appeal && hall.state.evaluations.has(c.evaluationId));
    expect(todays).toBeDefined();
    const stats0 = evaluationStats(hall.state, () => undefined);
    const [rated1, satisfied1] = month(todays!.staffId);
    uphold(todays!, 20);
    const stats1 = evaluationStats(hall.state, () => undefined);
    expect([stats1.total, stats1.satisfied]).toEqual([stats0.total - 1, stats0.satisfied]);
    expect(stats1.byStaff.find((r) => r.key === todays!.staffId)?.rated).toBe((stats0.byStaff.find((r) => r.key === todays!.staffId)?.rated ?? 0) - 1);
    expect(month(todays!.staffId)).toEqual([rated1! - 1, satisfied1]);

    // Once today closes, the archive says the same: nothing counted twice.
    const after = month(old.staffId);
    now = new Date('2026-11-04T07:00:00+08:00');
    closer.closeEndedDay();
    archive.archivePending();
    expect(month(old.staffId)).toEqual(after);
    expect(query.report('2026-11-02', '2026-11-02', 'hall').total.appealUpheld).toBe(1);
    db.close();
  });
});
