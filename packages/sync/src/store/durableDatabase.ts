import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';

/** The file cannot be trusted to keep records (wrong journal mode, damaged, unreadable). */
export class StoreRefusedError extends Error {}

export interface DurableOpenOptions {
  /**
   * Tables left out of the check at open (each other table is quick_checked with its indexes): a log
   * that grows for years would make every start read the whole file. Whoever skips a table must have
   * it checked elsewhere (the center quick_checks every backup copy, which is the file page for page).
   */
  uncheckedAtOpen?: readonly string[];
}

/**
 * Opens a SQLite file for records that must survive a power cut: WAL with synchronous=FULL
 * (better-sqlite3 leaves WAL at NORMAL, which can lose the last commits), both read back and
 * enforced, and quick_check before anything is trusted (all of it, unless `options` leaves tables
 * out). Shared by device stores and the center.
 * `run` gets the open database (migrations, …); on any failure the file is closed and the error is a
 * StoreRefusedError unless `run` threw one of the `passThrough` errors.
 */
export function openDurableDatabase<T>(
  path: string,
  run: (db: Db) => T,
  passThrough: readonly (new (...a: never[]) => Error)[] = [],
  options: DurableOpenOptions = {},
): T {
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
    for (const check of quickChecks(db, options.uncheckedAtOpen ?? [])) {
      if (check !== 'ok') throw new StoreRefusedError(`${path}: quick_check failed: ${String(check)}`);
    }
    return run(db);
  } catch (e) {
    db.close();
    if (e instanceof StoreRefusedError || passThrough.some((k) => e instanceof k)) throw e;
    // A garbled file fails before quick_check can even run ("file is not a database").
    throw new StoreRefusedError(`${path}: cannot open: ${(e as Error).message}`, { cause: e });
  }
}

function quickChecks(db: Db, unchecked: readonly string[]): unknown[] {
  if (unchecked.length === 0) return [db.pragma('quick_check', { simple: true })];
  // A garbled schema page fails here ("malformed database schema"), before any table is named.
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return tables.filter((t) => !unchecked.includes(t)).map((t) => db.pragma(`quick_check("${t.replaceAll('"', '""')}")`, { simple: true }));
}
