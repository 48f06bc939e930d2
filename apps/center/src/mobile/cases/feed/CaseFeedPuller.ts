// Pull mode: the center polls the platform's URL. A failed pull (network, HTTP error, a body that
// breaks the contract) changes nothing — the last good cases stay — and is recorded for the admin.
import type { Database } from 'better-sqlite3';
import type { Logger } from '@hallkit/sync';
import { CaseFeedBatchSchema, feedIssues } from './CaseFeedRecord.ts';
import type { CaseFeedIntake } from './CaseFeedIntake.ts';

export interface CaseFeedPullStatus {
  at: number;
  ok: boolean;
  error?: string;
  stored?: number;
  lastGoodAt?: number;
}

export class CaseFeedPuller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<CaseFeedPullStatus> | undefined;

  constructor(
    private readonly db: Database,
    private readonly intake: CaseFeedIntake,
    private readonly o: { url: string; token: string; everyMs: number; timeoutMs: number },
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {}

  async start(): Promise<void> {
    await this.pull();
    const tick = () => {
      this.timer = setTimeout(() => void this.pull().finally(() => this.timer && tick()), this.o.everyMs);
      this.timer.unref();
    };
    tick();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  status(): CaseFeedPullStatus | undefined {
    const row = this.db.prepare("SELECT value FROM m_meta WHERE key = 'case-feed-pull'").get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as CaseFeedPullStatus) : undefined;
  }

  pull(): Promise<CaseFeedPullStatus> {
    this.running ??= this.once().finally(() => (this.running = undefined));
    return this.running;
  }

  private async once(): Promise<CaseFeedPullStatus> {
    const lastGoodAt = this.status()?.lastGoodAt;
    let st: CaseFeedPullStatus;
    try {
      const res = await fetch(this.o.url, { headers: { authorization: `Bearer ${this.o.token}`, accept: 'application/json' }, signal: AbortSignal.timeout(this.o.timeoutMs) });
      if (!res.ok) throw new Error(`HTTP ${res.status} from ${this.o.url}`);
      const parsed = CaseFeedBatchSchema.safeParse(await res.json());
      if (!parsed.success) throw new Error(`the platform's answer breaks the contract: ${feedIssues(parsed.error).join('; ')}`);
      const r = this.intake.accept(parsed.data, 'pull');
      st = { at: this.now(), ok: true, stored: r.stored, lastGoodAt: this.now() };
    } catch (e) {
      const error = (e as Error).name === 'TimeoutError' ? `no answer from ${this.o.url} in ${this.o.timeoutMs / 1000} s` : (e as Error).message;
      this.logger.warn('case feed pull failed: keeping the last good cases', { error });
      st = { at: this.now(), ok: false, error, ...(lastGoodAt !== undefined ? { lastGoodAt } : {}) };
    }
    this.db.prepare("INSERT OR REPLACE INTO m_meta (key, value) VALUES ('case-feed-pull', ?)").run(JSON.stringify(st));
    return st;
  }
}
