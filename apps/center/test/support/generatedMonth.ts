// A generated month in a real center store: each day run through the real Hall (core simulateDay),
// closed at midnight and archived for reports, some 差评 follow-ups closed on time, some appealed
// (申诉): upheld the same day or on a later day (after the rating's day closed), or rejected (shared
// by the report tests).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shippedHall } from '@hallkit/testkit';
import { generateDay, simulateDay, type HallConfig } from '@hallkit/core';
import type { Logger } from '@hallkit/sync';
import { openCenterDb } from '../../src/server/store/CenterStore.ts';
import { HallService } from '../../src/server/hall/HallService.ts';
import { DayCloser } from '../../src/server/history/DayCloser.ts';
import { DayArchive } from '../../src/server/reports/DayArchive.ts';
import { ReportQuery } from '../../src/server/reports/ReportQuery.ts';
import { ReportLabels } from '../../src/server/reports/ReportLabels.ts';

export const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const base = shippedHall('yantai', { allDay: true });
export const config: HallConfig = { ...base, windows: base.windows.slice(0, 14) };

export function monthDays(): string[] {
  const out: string[] = [];
  for (let d = 1; d <= 30; d++) out.push(`2026-11-${String(d).padStart(2, '0')}`);
  return out;
}

/** A spread-out number of a case id (its characters' codes added). */
const caseHash = (caseId: string): number => [...caseId].reduce((a, ch) => a + ch.charCodeAt(0), 0);

export function generatedMonth() {
  let now = new Date('2026-11-01T00:00:00+08:00');
  const db = openCenterDb(join(mkdtempSync(join(tmpdir(), 'hallkit-reports-')), 'center.sqlite'));
  const hall = new HallService(db, config);
  const closer = new DayCloser(hall, () => now, quiet);
  const archive = new DayArchive(db, hall.log, () => config, quiet);
  hall.on('events', (evs) => evs.some((e) => e.type === 'HallDayClosed') && archive.archivePending());
  for (const [i, day] of monthDays().entries()) {
    now = new Date(`${day}T07:00:00+08:00`);
    closer.closeEndedDay();
    archive.archivePending();
    // Appeals filed on an earlier day are decided this morning: upheld, in a later stretch of the log.
    for (const c of [...hall.state.followUps.values()].filter((c) => c.appeal?.state === 'filed')) {
      hall.run('admin', (h) => h.decideAppeal(c.caseId, true, 'admin:director', `${day}T07:30:00+08:00`, '评价器误触'));
    }
    const { arrivals, shifts } = generateDay(config, day, { tickets: 90 + (i % 7) * 10, seed: 1000 + i });
    hall.run('sim', (h) => simulateDay(h, arrivals, shifts));
    // Some 差评 follow-ups advance: on time, late, or not at all.
    for (const c of [...hall.state.followUps.values()].filter((c) => c.state === 'open')) {
      const n = Number.parseInt(c.caseId.replace(/\D/g, '').slice(-2), 10) % 3;
      if (n === 0) hall.run('admin', (h) => h.advanceFollowUp(c.caseId, 'closed', 'admin', `${day}T18:00:00+08:00`, '已回访'));
      else if (!c.appeal && caseHash(c.caseId) % 4 === 1) {
        hall.run('admin', (h) => h.appealEvaluation(c.caseId, 'supervisor:YT0001', '误触评价器', `${day}T18:10:00+08:00`));
        // Half of them decided at once (same stretch), the others tomorrow; about a third of the first stand.
        if (n === 2) hall.run('admin', (h) => h.decideAppeal(c.caseId, caseHash(c.caseId) % 3 !== 0, 'admin:director', `${day}T18:20:00+08:00`));
      }
    }
  }
  now = new Date('2026-12-01T00:30:00+08:00');
  closer.closeEndedDay();
  archive.archivePending();
  const query = new ReportQuery(db, hall, new ReportLabels(hall, () => undefined), () => now);
  return { db, hall, query };
}
