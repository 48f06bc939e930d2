import { refuse } from '../DomainError.ts';
import type { EventOf } from '../events/HallEvent.ts';
import type { HallState } from '../hall/HallState.ts';

/**
 * 申诉 of a 差评 (国办发〔2019〕51号: 申诉复核, to exclude mistaken or malicious 差评): once per case,
 * while its follow-up is not closed (the hall keeps the 差评 that long); decided once, by someone
 * other than who filed it (复核 is a second person's: neither the appellant nor who entered it for
 * them). An upheld appeal makes the 差评 无效 for the province and takes it out of the reports; it
 * stands otherwise.
 */
export function appealFiledEvent(s: HallState, caseId: string, by: string, reason: string, at: string, enteredBy?: string): EventOf<'EvaluationAppealed'> {
  const c = s.followUps.get(caseId) ?? refuse('unknown-follow-up', `no follow-up case ${caseId}`);
  if (c.state === 'closed') refuse('follow-up-closed', `case ${caseId} is closed: too late to appeal`);
  if (c.appeal) refuse('already-appealed', `case ${caseId} was appealed at ${c.appeal.at}`);
  if (reason.trim() === '') refuse('appeal-needs-reason', 'an appeal says why the rating is mistaken');
  return { type: 'EvaluationAppealed', v: 1, at, caseId, evaluationId: c.evaluationId, by, reason: reason.trim().slice(0, 500), ...(enteredBy && enteredBy !== by ? { enteredBy } : {}) };
}

export function appealDecidedEvent(s: HallState, caseId: string, upheld: boolean, by: string, at: string, note?: string): EventOf<'EvaluationAppealDecided'> {
  const c = s.followUps.get(caseId) ?? refuse('unknown-follow-up', `no follow-up case ${caseId}`);
  if (!c.appeal) refuse('no-appeal', `case ${caseId} has no appeal`);
  if (c.appeal.state !== 'filed') refuse('appeal-decided', `the appeal of case ${caseId} was ${c.appeal.state}`);
  if (c.appeal.by === by || c.appeal.enteredBy === by) refuse('appeal-own-decision', 'who filed an appeal does not decide it');
  return { type: 'EvaluationAppealDecided', v: 1, at, caseId, upheld, by, ...(note ? { note: note.slice(0, 500) } : {}) };
}
