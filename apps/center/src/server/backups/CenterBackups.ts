// Scheduled online backups of center.sqlite: SQLite's backup API (better-sqlite3 db.backup) copies the
// live database page by page while the center keeps working, into a 0700 folder as 0600 files (they
// hold the hall's records). Each copy is checked (quick_check) before it counts; the newest `keep`
// are kept. Every run is recorded (center_backups) and shown in the admin console (操作日志 → 数据库备份).
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database, { type Database as Db } from 'better-sqlite3';
import type { Logger } from '@hallkit/sync';
import type { AuditLog } from '../auth/AuditLog.ts';

export interface BackupPolicy {
  dir: string;
  /** Hours between scheduled backups (0: only on demand). */
  everyHours: number;
  /** How many backup files to keep (newest first). */
  keep: number;
}

export interface BackupRun {
  at: number;
  file: string;
  bytes: number | null;
  ms: number;
  ok: boolean;
  error: string | null;
  reason: string;
}

export interface BackupsSummary {
  dir: string;
  everyHours: number;
  keep: number;
  last: BackupRun | null;
  lastOk: BackupRun | null;
  nextAt: number | null;
  files: { file: string; bytes: number; at: number }[];
}

const NAME = /^center-(\d{8}T\d{6}Z)\.sqlite$/;

export function backupFileName(at: Date): string {
  return `center-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}.sqlite`;
}

export class CenterBackups {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<BackupRun> | undefined;

  constructor(
    private readonly db: Db,
    readonly policy: BackupPolicy,
    private readonly audit: AuditLog,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  /** One backup now (a second call while one runs waits for it). */
  backupNow(reason: string): Promise<BackupRun> {
    this.running ??= this.run(reason).finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(reason: string): Promise<BackupRun> {
    const t0 = Date.now();
    const at = this.now();
    const file = backupFileName(at);
    const dir = this.policy.dir;
    const partial = join(dir, `${file}.partial`);
    let run: BackupRun;
    try {
      if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
      await this.db.backup(partial);
      chmodSync(partial, 0o600);
      const check = new Database(partial, { readonly: true, fileMustExist: true });
      const result = (check.pragma('quick_check', { simple: true }) as string) ?? 'no answer';
      check.close();
      if (result !== 'ok') throw new Error(`the copy failed its check: ${result}`);
      renameSync(partial, join(dir, file));
      run = { at: at.getTime(), file, bytes: statSync(join(dir, file)).size, ms: Date.now() - t0, ok: true, error: null, reason };
      this.prune();
      this.logger.info('database backed up', { file: join(dir, file), bytes: run.bytes, ms: run.ms });
    } catch (e) {
      try {
        rmSync(partial, { force: true });
      } catch {
        // The folder itself is the problem; the run below says so.
      }
      run = { at: at.getTime(), file, bytes: null, ms: Date.now() - t0, ok: false, error: (e as Error).message, reason };
      this.logger.error('database backup failed', { dir, error: run.error });
      this.audit.record('center', 'backup.failed', file, { dir, error: run.error, reason });
    }
    this.db.prepare('INSERT INTO center_backups (at, file, bytes, ms, ok, error, reason) VALUES (?, ?, ?, ?, ?, ?, ?)').run(run.at, run.file, run.bytes, run.ms, run.ok ? 1 : 0, run.error, run.reason);
    return run;
  }

  /** Keep the newest `keep` files; older ones (and stray partial copies) go. */
  private prune(): void {
    const files = this.files();
    for (const f of files.slice(this.policy.keep)) rmSync(join(this.policy.dir, f.file), { force: true });
  }

  files(): { file: string; bytes: number; at: number }[] {
    let names: string[];
    try {
      names = readdirSync(this.policy.dir);
    } catch {
      // No folder yet, or not a folder (the failed run says why): nothing to list.
      return [];
    }
    return names
      .filter((f) => NAME.test(f))
      .sort()
      .reverse()
      .map((file) => ({ file, bytes: statSync(join(this.policy.dir, file)).size, at: statSync(join(this.policy.dir, file)).mtimeMs }));
  }

  private lastRun(okOnly: boolean): BackupRun | null {
    const row = this.db.prepare(`SELECT at, file, bytes, ms, ok, error, reason FROM center_backups ${okOnly ? 'WHERE ok = 1' : ''} ORDER BY n DESC LIMIT 1`).get() as (Omit<BackupRun, 'ok'> & { ok: number }) | undefined;
    return row ? { ...row, ok: row.ok === 1 } : null;
  }

  private nextAt(): number | null {
    if (this.policy.everyHours <= 0) return null;
    const last = this.lastRun(true);
    return last ? last.at + this.policy.everyHours * 3_600_000 : this.now().getTime();
  }

  summary(): BackupsSummary {
    return { dir: this.policy.dir, everyHours: this.policy.everyHours, keep: this.policy.keep, last: this.lastRun(false), lastOk: this.lastRun(true), nextAt: this.nextAt(), files: this.files() };
  }

  /** Runs the schedule: a backup is due `everyHours` after the last good one (at once when there is none). */
  start(): void {
    if (this.policy.everyHours <= 0) return;
    const plan = () => {
      const due = this.nextAt() ?? Number.POSITIVE_INFINITY;
      // Re-checked at least every 10 minutes (a changed clock; a failed run is retried then).
      const wait = Math.max(5_000, Math.min(due - this.now().getTime(), 600_000));
      this.timer = setTimeout(() => {
        const late = (this.nextAt() ?? Number.POSITIVE_INFINITY) <= this.now().getTime();
        void (late ? this.backupNow('scheduled') : Promise.resolve()).finally(plan);
      }, wait);
      this.timer.unref();
    };
    plan();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
