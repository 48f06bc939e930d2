// The device's SQLite file: durable settings checked at open, integrity check, migrations, a
// consistent backup, and the transaction in which the app writes its state and its outbox events.
import type { Database as Db } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { migrate, MigrationError, SYNC_MIGRATIONS, type Migration } from './migrations.ts';
import { openDurableDatabase } from './durableDatabase.ts';
import { Outbox, type Appended } from '../outbox/Outbox.ts';
import { Inbox } from '../inbox/Inbox.ts';
import { ConfigStore } from '../config/ConfigStore.ts';
import { TelemetryBuffer } from '../telemetry/TelemetryBuffer.ts';
import { consoleLogger, type Logger } from '../Logger.ts';

import { StoreRefusedError } from './durableDatabase.ts';
export { StoreRefusedError };

/** Which history this file's seqs belong to (see docs/protocol.md, "Store incarnations"). */
export interface StoreIncarnation {
  /** Random, made with the file and renewed when its history forks. */
  id: string;
  /** The seq before the first event of this incarnation. */
  base: number;
}

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
  private current: StoreIncarnation;
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
    const made = db.prepare("INSERT OR IGNORE INTO sync_meta (key, value) VALUES ('store_id', ?)").run(randomUUID()).changes === 1;
    db.prepare("INSERT OR IGNORE INTO sync_meta (key, value) VALUES ('store_base', '0')").run();
    this.current = this.readIncarnation();
    if (made) logger.warn('new device store: its events start a new history at the center', { path: opts.path, store: this.current.id });
    const interrupted = this.inbox.failInterrupted();
    if (interrupted > 0) logger.warn('commands interrupted by a restart marked failed', { count: interrupted });
    const pruned = this.inbox.prune(Date.now() - (opts.inboxRetentionDays ?? 7) * 86_400_000);
    if (pruned > 0) logger.info('pruned old command ids', { count: pruned });
  }

  /** Open (or create) the file; throws StoreRefusedError when it cannot be trusted to keep records. */
  static open(opts: DeviceStoreOptions): DeviceStore {
    const logger = opts.logger ?? consoleLogger('[sync:store]');
    // SQLite takes an empty file for a new database. A store file that exists but is empty was
    // truncated (a full disk, a bad copy): starting afresh on it would hide that the records are gone.
    // (In WAL mode the pages may still all sit in the `-wal` file: then the file is not truncated.)
    const created = opts.path === ':memory:' || !existsSync(opts.path);
    if (!created && statSync(opts.path).size === 0 && !(existsSync(`${opts.path}-wal`) && statSync(`${opts.path}-wal`).size > 0)) {
      throw new StoreRefusedError(`${opts.path}: zero-length store file (truncated or a failed copy); move it aside to start a new store (docs/operations.md, "A refused device store")`);
    }
    return openDurableDatabase(
      opts.path,
      (db) => {
        migrate(db, 'sync', SYNC_MIGRATIONS);
        migrate(db, 'app', opts.migrations ?? []);
        // A new file gets its pages into the main file at once, so that an empty main file with no
        // WAL beside it always means a truncated store.
        if (created) db.pragma('wal_checkpoint(TRUNCATE)');
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

  /** The incarnation the outbox's seqs currently count in. */
  get incarnation(): StoreIncarnation {
    return this.current;
  }

  private readIncarnation(): StoreIncarnation {
    const get = (key: string) => (this.db.prepare('SELECT value FROM sync_meta WHERE key = ?').get(key) as { value: string }).value;
    return { id: get('store_id'), base: Number(get('store_base')) };
  }

  /**
   * The center holds a different history under this incarnation (the file came back from a backup):
   * everything up to `upTo` is committed there, the rest is new. Forget the committed rows and carry on
   * as a new incarnation whose first event is upTo + 1, in one transaction (a kill -9 leaves either).
   */
  fork(upTo: number): StoreIncarnation {
    const before = this.current;
    this.db.transaction(() => {
      this.outbox.ackUpTo(upTo);
      this.db.prepare("UPDATE sync_meta SET value = ? WHERE key = 'store_id'").run(randomUUID());
      this.db.prepare("UPDATE sync_meta SET value = ? WHERE key = 'store_base'").run(String(upTo));
    }).immediate();
    this.current = this.readIncarnation();
    this.logger.warn('store history forked at the center (restored file?): continuing as a new incarnation', { from: before.id, to: this.current.id, base: upTo });
    return this.current;
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
