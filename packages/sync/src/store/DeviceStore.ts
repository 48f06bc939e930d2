// The device's SQLite file: durable settings checked at open, integrity check, migrations, a
// consistent backup, and the transaction in which the app writes its state and its outbox events.
import type { Database as Db } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { migrate, MigrationError, SYNC_MIGRATIONS, type Migration } from './migrations.ts';
import { openDurableDatabase } from './durableDatabase.ts';
import { Outbox, type Appended } from '../outbox/Outbox.ts';
import { Inbox } from '../inbox/Inbox.ts';
import { ConfigStore } from '../config/ConfigStore.ts';
import { TelemetryBuffer } from '../telemetry/TelemetryBuffer.ts';
import { consoleLogger, type Logger } from '../Logger.ts';

export { StoreRefusedError } from './durableDatabase.ts';

export interface DeviceStoreOptions {
  path: string;
  /** The app's own tables (namespace `app`), numbered 1..n. */
  migrations?: readonly Migration[];
  logger?: Logger;
  /** Telemetry rows kept before the oldest are dropped (default 1000). */
  telemetryMaxRows?: number;
  /** Command ids remembered for dedupe (default 7 days). */
  inboxRetentionDays?: number;
}

/** What the app gets inside `DeviceStore.transaction`. */
export interface StoreTx {
  /** The raw connection, for the app's own tables. Do not start transactions on it. */
  readonly db: Db;
  /** Append a business event to the outbox; durable when the transaction commits. */
  append(body: unknown): Appended;
}

export class DeviceStore {
  readonly db: Db;
  readonly outbox: Outbox;
  readonly inbox: Inbox;
  readonly config: ConfigStore;
  readonly telemetry: TelemetryBuffer;
  readonly logger: Logger;
  /** Random id of this database file, made at creation (diagnostics: tells a re-created file apart). */
  readonly storeId: string;
  private readonly appendListeners = new Set<() => void>();
  /** Made once: better-sqlite3's transaction wrapper is not free to create per call. */
  private readonly run: ReturnType<Db['transaction']>;

  private constructor(db: Db, opts: DeviceStoreOptions, logger: Logger) {
    this.db = db;
    this.logger = logger;
    this.run = db.transaction((fn: (tx: StoreTx) => unknown, tx: StoreTx) => fn(tx));
    this.outbox = new Outbox(db);
    this.inbox = new Inbox(db);
    this.config = new ConfigStore(db);
    this.telemetry = new TelemetryBuffer(db, opts.telemetryMaxRows ?? 1000);
    db.prepare("INSERT OR IGNORE INTO sync_meta (key, value) VALUES ('store_id', ?)").run(randomUUID());
    this.storeId = (db.prepare("SELECT value FROM sync_meta WHERE key = 'store_id'").get() as { value: string }).value;
    const interrupted = this.inbox.failInterrupted();
    if (interrupted > 0) logger.warn('commands interrupted by a restart marked failed', { count: interrupted });
    const pruned = this.inbox.prune(Date.now() - (opts.inboxRetentionDays ?? 7) * 86_400_000);
    if (pruned > 0) logger.info('pruned old command ids', { count: pruned });
  }

  /** Open (or create) the file; throws StoreRefusedError when it cannot be trusted to keep records. */
  static open(opts: DeviceStoreOptions): DeviceStore {
    const logger = opts.logger ?? consoleLogger('[sync:store]');
    return openDurableDatabase(
      opts.path,
      (db) => {
        migrate(db, 'sync', SYNC_MIGRATIONS);
        migrate(db, 'app', opts.migrations ?? []);
        return new DeviceStore(db, opts, logger);
      },
      [MigrationError],
    );
  }

  /**
   * Run `fn` in one SQLite transaction (BEGIN IMMEDIATE). The app writes its state through `tx.db` and
   * records what happened with `tx.append(event)`; both commit or neither does. Synchronous on purpose.
   */
  transaction<T>(fn: (tx: StoreTx) => T): T {
    let appended = false;
    const tx: StoreTx = {
      db: this.db,
      append: (body) => {
        appended = true;
        return this.outbox.append(body);
      },
    };
    const result = this.run.immediate(fn, tx) as T;
    // Listeners run on a later tick: by then even an enclosing transaction has committed.
    if (appended && this.appendListeners.size > 0) setImmediate(() => this.appendListeners.forEach((l) => l()));
    return result;
  }

  /** Called (on a later tick) after a transaction that appended events; DeviceLink uses it to send at once. */
  onAppend(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  /** Shorthand for an event that goes with no state change of the app's own. */
  append(body: unknown): Appended {
    return this.transaction((tx) => tx.append(body));
  }

  /** A consistent copy of the whole database at one point in time (the app may keep writing). */
  backup(toPath: string): void {
    this.db.prepare('VACUUM INTO ?').run(toPath);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
