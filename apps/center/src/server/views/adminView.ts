// Everything the admin console shows, in one JSON (pushed again on every change).
import { hallSnapshot, LEVEL_LABEL_ZH, type HallSnapshot } from '@hallkit/core';
import type { CenterContext } from '../CenterContext.ts';
import type { FleetRow } from '../provisioning/Fleet.ts';
import type { QueueSample } from '../hall/QueueSamples.ts';
import type { AuditEntry } from '../auth/AuditLog.ts';
import type { RejectedEvent } from '../ingest/DeviceEventIngest.ts';
import { evaluationStats, type EvaluationStats } from './evaluationStats.ts';
import type { BackupsSummary } from '../backups/CenterBackups.ts';

export interface FollowUpRow {
  caseId: string;
  state: string;
  deadline: string;
  overdue: boolean;
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

export interface AdminView {
  v: 1;
  hall: { id: string; name: string };
  snapshot: HallSnapshot;
  samples: QueueSample[];
  fleet: FleetRow[];
  evaluations: EvaluationStats;
  followUps: FollowUpRow[];
  audit: AuditEntry[];
  rejected: (RejectedEvent & { at: number })[];
  counters: Record<string, number>;
  backups: BackupsSummary;
}

export function adminView(ctx: CenterContext): AdminView {
  const s = ctx.hall.state;
  const now = ctx.now();
  const staffName = (id: string) => ctx.accounts.staff(id)?.name;
  const today = ctx.hall.hall.day(now.toISOString());
  const followUps: FollowUpRow[] = [...s.followUps.values()]
    .map((c) => {
      const e = s.evaluations.get(c.evaluationId);
      return {
        caseId: c.caseId,
        state: c.state,
        deadline: c.deadline,
        overdue: c.state !== 'closed' && c.deadline < today,
        openedAt: c.openedAt,
        windowNumber: s.windows.get(c.windowId)?.config.number ?? null,
        staffId: c.staffId,
        staffName: staffName(c.staffId) ?? null,
        ticketNumber: e ? (s.tickets.get(e.ticketId)?.number ?? null) : null,
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
    .sort((a, b) => (a.state === 'closed' ? 1 : 0) - (b.state === 'closed' ? 1 : 0) || a.deadline.localeCompare(b.deadline));
  return {
    v: 1,
    hall: { id: s.config.catalog.hall.id, name: s.config.catalog.hall.name },
    snapshot: hallSnapshot(s, now.toISOString()),
    samples: ctx.samples.since(now.getTime() - 4 * 3600_000),
    fleet: ctx.fleet.rows(now.getTime()),
    evaluations: evaluationStats(s, staffName),
    followUps,
    audit: ctx.audit.recent(100),
    rejected: ctx.ingest.rejected(50),
    counters: ctx.ingest.outbox.counters.toJSON(),
    backups: ctx.backups.summary(),
  };
}
