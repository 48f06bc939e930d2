// DeviceStore on real SQLite files: durable settings read back, refusal of files it cannot trust,
// migrations, consistent backup, transactional outbox, telemetry bounds, inbox.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DeviceStore, MigrationError, StoreRefusedError } from '../src/index.ts';
import { quietLogger } from './support/logger.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'hallkit-sync-store-'));
const open = (path: string, extra: Partial<Parameters<typeof DeviceStore.open>[0]> = {}) => DeviceStore.open({ path, logger: quietLogger(), ...extra });

describe('DeviceStore', () => {
  it('runs with WAL and synchronous=FULL and a clean quick_check', () => {
    const s = open(join(tmp(), 'a.db'));
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('synchronous', { simple: true })).toBe(2);
    s.close();
  });

  it('refuses a database where WAL cannot be set (in-memory) and a damaged file', () => {
    expect(() => open(':memory:')).toThrow(StoreRefusedError);
    const dir = tmp();
    const path = join(dir, 'bad.db');
    const s = open(path);
    for (let i = 0; i < 2000; i++) s.append({ type: 'x', v: 1, pad: 'p'.repeat(200) });
    s.close();
    // garble pages in the middle of the file (after the header), as a torn disk write would
    const bytes = readFileSync(path);
    for (let i = 8192; i < bytes.length - 4096; i += 1024) bytes.fill(0x5a, i, i + 100);
    writeFileSync(path, bytes);
    expect(() => open(path)).toThrow(StoreRefusedError);
    writeFileSync(join(dir, 'junk.db'), 'this is not a database at all, just some text '.repeat(200));
    expect(() => open(join(dir, 'junk.db'))).toThrow(StoreRefusedError);
  });

  it('applies the app migrations once and refuses a file from a newer build', () => {
    const path = join(tmp(), 'm.db');
    const v1 = [{ version: 1, name: 'a', up: 'CREATE TABLE a (x)' }];
    const v2 = [...v1, { version: 2, name: 'b', up: (db: Database.Database) => db.exec('CREATE TABLE b (y)') }];
    open(path, { migrations: v1 }).close();
    const s = open(path, { migrations: v2 });
    expect(s.db.prepare("SELECT version FROM sync_migrations WHERE namespace = 'app' ORDER BY version").all()).toEqual([{ version: 1 }, { version: 2 }]);
    s.close();
    expect(() => open(path, { migrations: v1 })).toThrow(MigrationError);
  });

  it('commits the app state and the event together or not at all; seq is never reused', () => {
    const path = join(tmp(), 't.db');
    const s = open(path, { migrations: [{ version: 1, name: 'c', up: 'CREATE TABLE counter (k TEXT PRIMARY KEY, n INTEGER)' }] });
    const a = s.transaction((tx) => {
      tx.db.prepare("INSERT INTO counter VALUES ('tickets', 1)").run();
      return tx.append({ type: 'ticket.issued', v: 1 });
    });
    expect(() =>
      s.transaction((tx) => {
        tx.db.prepare("UPDATE counter SET n = 2 WHERE k = 'tickets'").run();
        tx.append({ type: 'ticket.issued', v: 1 });
        throw new Error('printer jammed');
      }),
    ).toThrow('printer jammed');
    expect(s.db.prepare('SELECT n FROM counter').get()).toEqual({ n: 1 });
    const b = s.append({ type: 'ticket.issued', v: 1 });
    // the rolled-back seq 2 was never visible to anyone (nor sent), so the next commit may take it
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(a.id).not.toBe(b.id);
    s.outbox.ackUpTo(b.seq); // everything acked and deleted
    s.close();
    const again = open(path, { migrations: [{ version: 1, name: 'c', up: 'CREATE TABLE counter (k TEXT PRIMARY KEY, n INTEGER)' }] });
    expect(again.append({ type: 'x', v: 1 }).seq).toBe(b.seq + 1); // never reused after deletes + reopen
    again.close();
  });

  it('makes a consistent backup while the app keeps writing', async () => {
    const dir = tmp();
    const s = open(join(dir, 'b.db'));
    for (let i = 0; i < 500; i++) s.append({ type: 'x', v: 1, i });
    s.backup(join(dir, 'backup.db'));
    s.append({ type: 'after', v: 1 });
    const copy = new Database(join(dir, 'backup.db'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual({ n: 500 });
    copy.close();
    s.close();
  });

  it('bounds telemetry: coalesces by key, drops oldest first and counts the drops', () => {
    const s = open(join(tmp(), 'tel.db'), { telemetryMaxRows: 10 });
    for (let i = 0; i < 5; i++) s.telemetry.record({ paper: i }, 'printer.paper');
    expect(s.telemetry.count()).toBe(1);
    expect(JSON.parse(s.telemetry.read(10)[0]!.json)).toEqual({ paper: 4 });
    for (let i = 0; i < 25; i++) s.telemetry.record({ temp: i });
    expect(s.telemetry.count()).toBe(10);
    expect(s.telemetry.dropped()).toBe(16);
    expect(JSON.parse(s.telemetry.read(1)[0]!.json)).toEqual({ temp: 15 });
    s.close();
  });

  it('remembers command ids; a command interrupted by a crash is failed, never re-run', () => {
    const path = join(tmp(), 'i.db');
    const s = open(path);
    expect(s.inbox.claim('c1', 'reboot')).toBe(true);
    expect(s.inbox.claim('c1', 'reboot')).toBe(false);
    expect(s.inbox.claim('c2', 'print')).toBe(true);
    s.inbox.finish('c2', true, { printed: 1 });
    s.close();
    const again = open(path);
    expect(again.inbox.lookup('c1')).toMatchObject({ status: 'done', ok: false, error: 'interrupted' });
    expect(again.inbox.lookup('c2')).toMatchObject({ status: 'done', ok: true, result: { printed: 1 } });
    again.close();
  });
});
