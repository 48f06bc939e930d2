// Everything the admin console shows, in one JSON (pushed again on every change).
import { hallSnapshot, type HallSnapshot } from '@hallkit/core';
import type { CenterContext } from '../CenterContext.ts';
import type { FleetRow } from '../provisioning/Fleet.ts';
import type { QueueSample } from '../hall/QueueSamples.ts';
import type { AuditEntry } from '../auth/AuditLog.ts';
import type { RejectedEvent } from '../ingest/DeviceEventIngest.ts';
import { evaluationStats, type EvaluationStats } from './evaluationStats.ts';
import type { BackupsSummary } from '../backups/CenterBackups.ts';
import { followUpRows, type FollowUpRow } from './followUpRows.ts';

export type { FollowUpRow } from './followUpRows.ts';

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
  const followUps = followUpRows(ctx);
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
