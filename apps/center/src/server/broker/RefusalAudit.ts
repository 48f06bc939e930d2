// Broker refusals into the admin's audit (操作日志): who was refused what, from where. A client that
// keeps trying (a device with a stale password reconnects every second) makes one row a minute per
// reason and name, with how many were folded into it — the log stays readable and cannot be flooded.
import type { AuditLog } from '../auth/AuditLog.ts';
import type { BrokerRefusal } from './EmbeddedBroker.ts';

export class RefusalAudit {
  private readonly last = new Map<string, { at: number; folded: number }>();

  constructor(
    private readonly audit: AuditLog,
    private readonly now: () => number,
    private readonly everyMs = 60_000,
  ) {}

  record(r: BrokerRefusal): void {
    const key = `${r.reason}|${r.username ?? r.clientId ?? r.address ?? '?'}|${r.topic ?? ''}`;
    const t = this.now();
    const seen = this.last.get(key);
    if (seen && t - seen.at < this.everyMs) {
      seen.folded += 1;
      return;
    }
    if (this.last.size > 10_000) this.last.clear();
    this.last.set(key, { at: t, folded: 0 });
    const { reason, ...detail } = r;
    this.audit.record('broker', `broker.refused.${reason}`, r.username ?? r.clientId ?? r.address ?? undefined, { ...detail, ...(seen?.folded ? { alsoSince: seen.folded } : {}) });
  }
}
