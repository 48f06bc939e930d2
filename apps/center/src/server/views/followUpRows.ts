// The 差评跟进 list: every bad review's case with its rating, deadline, steps and 申诉 — for the admin
// console, the auditor's view and a 值班长's (the cases of windows in their zones).
import { isVoided, LEVEL_LABEL_ZH } from '@hallkit/core';
import type { CenterContext } from '../CenterContext.ts';

export interface FollowUpRow {
  caseId: string;
  state: string;
  deadline: string;
  overdue: boolean;
  /** An upheld 申诉 voided the 差评: nothing is left to follow up (core isVoided). */
  voided: boolean;
  openedAt: string;
  windowNumber: number | null;
  staffId: string;
  staffName: string | null;
  ticketNumber: string | null;
  level: string | null;
  levelLabel: string | null;
  reasons: string[];
  comment: string | null;
  history: { to: string; by: string; note: string | null; at: string }[];
  /** The 申诉 on this 差评, if any: who filed it (and who entered it for them), why, and the 复核. */
  appeal: { state: 'filed' | 'upheld' | 'rejected'; by: string; enteredBy: string | null; reason: string; at: string; decidedBy: string | null; decidedAt: string | null; note: string | null } | null;
}

/** The cases, open ones first by deadline; `zones`: only those of windows in these zones. */
export function followUpRows(ctx: CenterContext, zones?: readonly string[]): FollowUpRow[] {
  const s = ctx.hall.state;
  const staffName = (id: string) => ctx.accounts.staff(id)?.name;
  const today = ctx.hall.hall.day(ctx.now().toISOString());
  return [...s.followUps.values()]
    .filter((c) => !zones || zones.includes(s.windows.get(c.windowId)?.config.zoneId ?? ''))
    .map((c) => {
      const e = s.evaluations.get(c.evaluationId);
      return {
        caseId: c.caseId,
        state: c.state,
        deadline: c.deadline,
        voided: isVoided(c),
        // An upheld 申诉 voids the 差评: no deadline runs any more.
        overdue: c.state !== 'closed' && !isVoided(c) && c.deadline < today,
        openedAt: c.openedAt,
        windowNumber: s.windows.get(c.windowId)?.config.number ?? null,
        staffId: c.staffId,
        staffName: staffName(c.staffId) ?? null,
        ticketNumber: c.ticketNumber ?? (e ? (s.tickets.get(e.ticketId)?.number ?? null) : null),
        level: e?.level ?? null,
        levelLabel: e ? LEVEL_LABEL_ZH[e.level] : null,
        reasons: e?.reasons ?? [],
        comment: e?.comment ?? null,
        history: c.history.map((h) => ({ to: h.to, by: h.by, note: h.note ?? null, at: h.at })),
        appeal: c.appeal
          ? { state: c.appeal.state, by: c.appeal.by, enteredBy: c.appeal.enteredBy ?? null, reason: c.appeal.reason, at: c.appeal.at, decidedBy: c.appeal.decidedBy ?? null, decidedAt: c.appeal.decidedAt ?? null, note: c.appeal.note ?? null }
          : null,
      };
    })
    .sort((a, b) => done(a) - done(b) || a.deadline.localeCompare(b.deadline));
}

/** Closed, or voided by an upheld 申诉: listed after the cases that still need work. */
function done(r: FollowUpRow): number {
  return r.state === 'closed' || r.voided ? 1 : 0;
}
