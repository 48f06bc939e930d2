import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';

/** The file cannot be trusted to keep records (wrong journal mode, damaged, unreadable). */
export class StoreRefusedError extends Error {}

/**
 * Opens a SQLite file for records that must survive a power cut: WAL with synchronous=FULL
 * (better-sqlite3 leaves WAL at NORMAL, which can lose the last commits), both read back and
 * enforced, and quick_check before anything is trusted. Shared by device stores and the center.
 * `run` gets the open database (migrations, …); on any failure the file is closed and the error is a
 * StoreRefusedError unless `run` threw one of the `passThrough` errors.
 */
export function openDurableDatabase<T>(path: string, run: (db: Db) => T, passThrough: readonly (new (...a: never[]) => Error)[] = []): T {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
    const mode = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
    const sync = Number(db.pragma('synchronous', { simple: true }));
    if (mode !== 'wal' || sync !== 2) throw new StoreRefusedError(`${path}: journal_mode=${mode} synchronous=${sync}, need wal/2 (FULL)`);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StoreRefusedError(`${path}: quick_check failed: ${String(check)}`);
    return run(db);
  } catch (e) {
    db.close();
    if (e instanceof StoreRefusedError || passThrough.some((k) => e instanceof k)) throw e;
    // A garbled file fails before quick_check can even run ("file is not a database").
    throw new StoreRefusedError(`${path}: cannot open: ${(e as Error).message}`, { cause: e });
  }
}
