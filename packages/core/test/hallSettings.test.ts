// Hall info, zones and policies as the admin console edits them: each wrong value is named at its
// field (in the admin's words), so nothing half-valid is stored.
import { describe, expect, it } from 'vitest';
import { checkHallDefinition, type HallConfig } from '../src/index.ts';
import { clone, shippedHall } from './fixtures.ts';

const errorsAt = (d: HallConfig) =>
  checkHallDefinition(d)
    .filter((p) => p.severity === 'error')
    .map((p) => p.path.join('.'));

describe('hall info, zones and policies', () => {
  it('the shipped halls have none of these problems', () => {
    for (const h of ['yantai', 'qingdao', 'zhaoyuan'] as const) expect(errorsAt(shippedHall(h))).toEqual([]);
  });

  it('names a wrong hall name, time zone or public address at its field', () => {
    const d = clone(shippedHall('yantai'));
    d.catalog.hall.name = '  ';
    d.catalog.hall.timeZone = 'Asia/Shangai';
    d.catalog.hall.publicUrl = 'ftp://hall.example.cn';
    d.catalog.hall.regionCode = '3706';
    expect(errorsAt(d)).toEqual(
      expect.arrayContaining(['catalog.hall.name', 'catalog.hall.timeZone', 'catalog.hall.publicUrl', 'catalog.hall.regionCode']),
    );
  });

  it('names an unnamed zone and a zone removed while categories or windows are still in it', () => {
    const d = clone(shippedHall('zhaoyuan'));
    d.catalog.zones[0]!.name = '';
    const removed = d.catalog.zones.splice(1, 1)[0]!;
    const errors = errorsAt(d);
    expect(errors).toContain('catalog.zones.0.name');
    const i = d.catalog.categories.findIndex((c) => c.zoneId === removed.id);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(errors).toContain(`catalog.categories.${i}.zoneId`);
  });

  it('keeps policies within what a hall can live with', () => {
    const d = clone(shippedHall('yantai'));
    d.evaluation.ratingSeconds = 3600;
    d.evaluation.followUpWorkingDays = 400;
    d.evaluation.laterRatingDays = 400;
    d.noShow.recallsBeforeNoShow = 50;
    d.noShow.lateArrival = { allowed: true, withinMinutes: 24 * 60, placement: 'keep' };
    d.numbering.blockSize = 100_000;
    expect(errorsAt(d)).toEqual(
      expect.arrayContaining([
        'evaluation.ratingSeconds',
        'evaluation.followUpWorkingDays',
        'evaluation.laterRatingDays',
        'noShow.recallsBeforeNoShow',
        'noShow.lateArrival.withinMinutes',
        'numbering.blockSize',
      ]),
    );
  });
});
