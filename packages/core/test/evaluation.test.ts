import { describe, expect, it } from 'vitest';
import { EVALUATION_CHANNELS, EVALUATION_LEVELS, Hall, addWorkingDays, channelCode, fromNationalCode, fromReversedCode, toNationalCode, toReversedCode } from '../src/index.ts';
import type { EvaluateCommand } from '../src/index.ts';
import { refusalCode, shippedHall, smallHall, t } from './fixtures.ts';

function servedTicket(h: Hall) {
  h.openWindow('w2', { id: 'YT0201', name: '王晓燕' }, t(0));
  const a = h.issueTicket({
    categoryId: 'general',
    itemId: 'food-licence',
    source: 'on-site',
    priority: 'normal',
    issuerId: 'kiosk-1',
    at: t(1),
  });
  h.callNext('w2', t(2));
  h.finish('w2', 'completed', t(12));
  return `${a.ticketId}#1`;
}

describe('好差评 levels and codes', () => {
  it('maps to GB/T 39046 (1 = 非常满意 … 5 = 非常不满意) and explicitly to reversed provincial codes', () => {
    expect(EVALUATION_LEVELS.map(toNationalCode)).toEqual([1, 2, 3, 4, 5]);
    expect(toNationalCode('very-satisfied')).toBe(1);
    expect(toNationalCode('very-dissatisfied')).toBe(5);
    expect(toReversedCode('very-satisfied')).toBe(5);
    expect(toReversedCode('very-dissatisfied')).toBe(1);
    for (const l of EVALUATION_LEVELS) {
      expect(fromNationalCode(toNationalCode(l))).toBe(l);
      expect(fromReversedCode(toReversedCode(l))).toBe(l);
    }
    expect(() => fromNationalCode(0)).toThrow();
    expect(() => fromNationalCode(6)).toThrow();
    expect(() => fromNationalCode(2.5)).toThrow();
  });

  it('numbers the channels as the national 好差评 exchange does (pf: pc=1, 移动端=2, 二维码=3, 大厅平板=4, 大厅其他终端=5), never by list order', () => {
    expect(channelCode('web')).toBe(1);
    expect(channelCode('mobile')).toBe(2);
    expect(channelCode('qr-code')).toBe(3);
    expect(channelCode('hall-pad')).toBe(4);
    expect(channelCode('hall-terminal')).toBe(5);
    // Every channel has its own code: two channels never report as one.
    const codes = EVALUATION_CHANNELS.map(channelCode);
    expect(new Set(codes).size).toBe(EVALUATION_CHANNELS.length);
  });
});

describe('evaluations', () => {
  /** A citizen's rating of the served ticket: a 满意 at the window pad unless told otherwise. */
  const rating = (serviceId: string, o: Partial<EvaluateCommand> = {}): EvaluateCommand => ({
    evaluationId: 'ev1',
    serviceId,
    level: 'satisfied',
    reasons: [],
    channel: 'hall-pad',
    at: t(13),
    ...o,
  });

  it('ties a rating to ticket, item, window, staff and channel', () => {
    const h = new Hall(smallHall());
    const [e] = h.evaluate(rating(servedTicket(h)));
    expect(e).toMatchObject({
      type: 'EvaluationGiven',
      ticketId: '2026-11-23/A001',
      itemId: 'food-licence',
      windowId: 'w2',
      staffId: 'YT0201',
      channel: 'hall-pad',
    });
  });

  it('one rating per service: a second one (any channel) is refused', () => {
    const h = new Hall(smallHall());
    const serviceId = servedTicket(h);
    h.evaluate(rating(serviceId));
    expect(refusalCode(() => h.evaluate(rating(serviceId, { evaluationId: 'ev2', level: 'very-satisfied' })))).toBe(
      'already-evaluated',
    );
    expect(
      refusalCode(() => h.evaluate(rating(serviceId, { evaluationId: 'ev3', channel: 'mobile', at: t(60) }))),
    ).toBe('already-evaluated');
  });

  it('a bad review needs a reason from the fixed list and opens a follow-up with a working-day deadline', () => {
    const h = new Hall(smallHall());
    const serviceId = servedTicket(h);
    expect(refusalCode(() => h.evaluate(rating(serviceId, { level: 'dissatisfied' })))).toBe(
      'evaluation-needs-reason',
    );
    expect(refusalCode(() => h.evaluate(rating(serviceId, { level: 'dissatisfied', reasons: ['made-up'] })))).toBe(
      'unknown-reason',
    );
    const events = h.evaluate(
      rating(serviceId, { level: 'very-dissatisfied', reasons: ['long-wait'], comment: '等了很久' }),
    );
    expect(events.map((e) => e.type)).toEqual(['EvaluationGiven', 'FollowUpOpened']);
    // 15 working days after Monday 2026-11-23: three weeks later.
    expect(h.state.followUps.get('fu/ev1')).toMatchObject({
      deadline: '2026-12-14',
      state: 'open',
      windowId: 'w2',
      staffId: 'YT0201',
    });
    h.advanceFollowUp('fu/ev1', 'contacted', 'admin', t(100), '已电话回访');
    expect(refusalCode(() => h.advanceFollowUp('fu/ev1', 'contacted', 'admin', t(101)))).toBe('invalid-transition');
    h.advanceFollowUp('fu/ev1', 'rectified', 'admin', t(102));
    h.advanceFollowUp('fu/ev1', 'closed', 'admin', t(103));
    expect(h.state.followUps.get('fu/ev1')?.history.map((s) => [s.to, s.by])).toEqual([
      ['contacted', 'admin'],
      ['rectified', 'admin'],
      ['closed', 'admin'],
    ]);
  });

  it('no rating at the window is recorded as not rated — never as a rating — and the phone may still rate within the days', () => {
    const h = new Hall(smallHall());
    const serviceId = servedTicket(h);
    expect(h.lapseRating(serviceId, t(13)).map((e) => e.type)).toEqual(['EvaluationLapsed']);
    expect(h.state.evaluations.size).toBe(0);
    expect(refusalCode(() => h.evaluate(rating(serviceId, { at: t(14) })))).toBe('evaluation-closed');
    expect(refusalCode(() => h.evaluate(rating(serviceId, { channel: 'mobile', at: t(8 * 24 * 60) })))).toBe(
      'evaluation-closed',
    );
    expect(refusalCode(() => h.evaluate(rating(serviceId, { channel: 'mobile', at: t(2 * 24 * 60) })))).toBe(
      'accepted',
    );
  });

  it('counts working days across holidays and adjusted working weekends', () => {
    const cal = shippedHall('yantai').calendar;
    expect(addWorkingDays('2026-09-30', 1, cal)).toBe('2026-10-08'); // National Day week off
    expect(addWorkingDays('2026-10-09', 1, cal)).toBe('2026-10-10'); // Saturday 调休 working day
    expect(addWorkingDays('2026-11-20', 1, { holidays: [], workingWeekends: [] })).toBe('2026-11-23');
  });
});
