// 申诉 of a 差评 (申诉复核): filed once against the 差评's open follow-up, decided once by someone else,
// the case not closed while an appeal waits — and a replay of the log gives the same hall.
import { describe, expect, it } from 'vitest';
import { Hall, hallFingerprint, type HallEvent } from '../src/index.ts';
import { refusalCode, smallHall } from './fixtures.ts';

const at = (min: number) => new Date(Date.parse('2026-11-23T09:00:00+08:00') + min * 60_000).toISOString();

function badReview(h: Hall, n: number) {
  if (h.window('w2').status === 'closed') h.openWindow('w2', { id: 'YT0201', name: '王晓燕' }, at(0));
  h.issueTicket({ categoryId: 'general', source: 'on-site', priority: 'normal', issuerId: 'kiosk-1', at: at(n) });
  h.callNext('w2', at(n));
  const [fin] = h.finish('w2', 'completed', at(n + 1));
  if (fin?.type !== 'TicketFinished') throw new Error('not finished');
  h.evaluate({ evaluationId: `ev-${n}`, serviceId: fin.serviceId, level: 'very-dissatisfied', reasons: ['attitude'], channel: 'hall-pad', at: at(n + 1) });
  return `fu/ev-${n}`;
}

describe('申诉 of a 差评', () => {
  it('is filed once on an open case, decided once by another, and replays to the same hall', () => {
    const config = smallHall();
    const h = new Hall(config);
    const log: HallEvent[] = [];
    h.onEvent((e) => log.push(e));
    const upheld = badReview(h, 10);
    const rejected = badReview(h, 20);

    h.appealEvaluation(upheld, 'staff:YT0201', '群众误按了非常不满意，当场已致歉并说明', at(30));
    expect(refusalCode(() => h.appealEvaluation(upheld, 'staff:YT0201', '再申诉一次', at(31)))).toBe('already-appealed');
    // Not closed while the appeal waits; not decided by who filed it.
    expect(refusalCode(() => h.advanceFollowUp(upheld, 'closed', 'admin:zhang', at(32)))).toBe('appeal-pending');
    expect(refusalCode(() => h.decideAppeal(upheld, true, 'staff:YT0201', at(33)))).toBe('appeal-own-decision');
    h.decideAppeal(upheld, true, 'admin:zhang', at(34), '调取录像核实，误评');
    expect(refusalCode(() => h.decideAppeal(upheld, false, 'admin:li', at(35)))).toBe('appeal-decided');
    h.advanceFollowUp(upheld, 'closed', 'admin:zhang', at(36), '申诉成立');
    expect(h.state.followUps.get(upheld)?.appeal).toMatchObject({ state: 'upheld', by: 'staff:YT0201', decidedBy: 'admin:zhang', note: '调取录像核实，误评' });

    h.appealEvaluation(rejected, 'admin:zhang', '工作人员认为已按规定办理', at(40));
    h.decideAppeal(rejected, false, 'admin:li', at(41));
    expect(h.state.followUps.get(rejected)?.appeal?.state).toBe('rejected');
    expect(refusalCode(() => h.appealEvaluation(upheld, 'staff:YT0201', '结案后申诉', at(42)))).toBe('follow-up-closed');
    expect(refusalCode(() => h.appealEvaluation('fu/none', 'staff:YT0201', '?', at(42)))).toBe('unknown-follow-up');

    expect(log.filter((e) => e.type === 'EvaluationAppealed' || e.type === 'EvaluationAppealDecided').map((e) => e.type)).toEqual(['EvaluationAppealed', 'EvaluationAppealDecided', 'EvaluationAppealed', 'EvaluationAppealDecided']);
    // Replay proves it: the log rebuilds the same hall, appeals included.
    expect(hallFingerprint(Hall.replay(config, log).state)).toBe(hallFingerprint(h.state));
  });

  it('filed by an admin for the staff evaluated: neither the staff nor that admin decides it', () => {
    const config = smallHall();
    const h = new Hall(config);
    const log: HallEvent[] = [];
    h.onEvent((e) => log.push(e));
    const c = badReview(h, 10);
    h.appealEvaluation(c, 'staff:YT0201', '群众误按', at(30), 'admin:zhang');
    expect(h.state.followUps.get(c)?.appeal).toMatchObject({ by: 'staff:YT0201', enteredBy: 'admin:zhang' });
    expect(refusalCode(() => h.decideAppeal(c, true, 'admin:zhang', at(31)))).toBe('appeal-own-decision');
    expect(refusalCode(() => h.decideAppeal(c, true, 'staff:YT0201', at(31)))).toBe('appeal-own-decision');
    h.decideAppeal(c, true, 'admin:li', at(32));
    expect(hallFingerprint(Hall.replay(config, log).state)).toBe(hallFingerprint(h.state));
  });

  it('an upheld 申诉 voids the 差评: no 回访/整改 step, and the case is forgotten at day close like a closed one; an open case keeps its ticket number', () => {
    const config = smallHall();
    const h = new Hall(config);
    const log: HallEvent[] = [];
    h.onEvent((e) => log.push(e));
    const voided = badReview(h, 10);
    const open = badReview(h, 20);
    const number = h.state.followUps.get(open)?.ticketNumber;
    expect(number).toMatch(/^A\d{3}$/);
    h.appealEvaluation(voided, 'admin:zhang', '群众误按', at(30));
    h.decideAppeal(voided, true, 'admin:li', at(31));
    expect(refusalCode(() => h.advanceFollowUp(voided, 'contacted', 'admin:zhang', at(32)))).toBe('appeal-upheld');
    expect(refusalCode(() => h.advanceFollowUp(voided, 'rectified', 'admin:zhang', at(32)))).toBe('appeal-upheld');
    h.closeDay('2026-11-23', '2026-11-23T23:30:00+08:00');
    expect(h.state.followUps.has(voided)).toBe(false);
    // The open 差评 stays, and still names the citizen's ticket once the day's tickets are gone.
    expect(h.state.followUps.get(open)?.ticketNumber).toBe(number);
    expect(hallFingerprint(Hall.replay(config, log).state)).toBe(hallFingerprint(h.state));
  });
});
