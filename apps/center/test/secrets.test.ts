// Issue 15 item 5 and the secrets directory: with center.sqlite alone (a copied database or backup)
// nobody recovers an ID number, because no key sits in it; secrets live in 0600 files created on first
// start, moved out of an older release's database, and rotate without losing what was stored.
import { createHmac } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { normaliseIdNumber } from '@hallkit/core';
import type { Center } from '../src/server/Center.ts';
import { DEMO_APPLICANTS } from '../src/mobile/cases/demoCases.ts';
import type { MobileService } from '../src/mobile/MobileService.ts';
import { secretsCommand } from '../src/cli/secrets.ts';
import { startCenter, tempDir } from './support/centerHarness.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function mobileOf(c: Center): MobileService {
  const m = (c as unknown as { parts: { modules: { name: string; service?: () => MobileService }[] } }).parts.modules.find((x) => x.name === 'mobile');
  if (!m?.service) throw new Error('no mobile module');
  return m.service();
}

/**
 * The attack of the issue, from the database file alone: every base64 key-sized string in it (m_meta
 * held the key) is tried as the HMAC key of a stored ID hash; with the key the hidden digits of a
 * masked number fall in milliseconds, so finding it is the whole attack.
 */
function keysFoundIn(dbFile: string, idNumber: string): string[] {
  const bytes = [dbFile, `${dbFile}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('\n');
  const db = new Database(dbFile, { readonly: true });
  const stored = new Set((db.prepare('SELECT id_hash FROM m_cases').all() as { id_hash: string }[]).map((r) => r.id_hash));
  db.close();
  const found: string[] = [];
  for (const m of bytes.matchAll(/[A-Za-z0-9+/]{43}=/g)) {
    const mac = createHmac('sha256', Buffer.from(m[0], 'base64')).update(normaliseIdNumber(idNumber)).digest('base64url');
    if (stored.has(mac)) found.push(m[0]);
  }
  return found;
}

function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  return secretsCommand(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) }).then((code) => ({ code, out, err }));
}

describe('the ID-hash key is not in the database', () => {
  it('a copy of center.sqlite alone does not give the key that made its ID hashes', async () => {
    const dir = tempDir('hallkit-secrets-');
    const center = await startCenter({ dataDir: dir });
    // The demo's progress cases are stored by ID hash; the citizen's look-up still finds them.
    expect(mobileOf(center).cases.byIdNumber(DEMO_APPLICANTS.zhang).length).toBeGreaterThan(0);
    await center.stop();
    const copy = join(tempDir('hallkit-stolen-'), 'center.sqlite');
    copyFileSync(join(dir, 'center.sqlite'), copy);
    expect(keysFoundIn(copy, DEMO_APPLICANTS.zhang)).toEqual([]);
    expect(keysFoundIn(join(dir, 'center.sqlite'), DEMO_APPLICANTS.zhang)).toEqual([]);
  });

  it('secrets are files only the center user reads, created on first start, and a readable one is refused', async () => {
    const dir = tempDir('hallkit-secrets-');
    const secretsDir = join(dir, 'keys');
    const center = await startCenter({ dataDir: dir, secretsDir });
    await center.stop();
    expect(statSync(secretsDir).mode & 0o777).toBe(0o700);
    const names = readdirSync(secretsDir).sort();
    expect(names).toEqual(['door-code-key', 'id-hash-keys.json', 'mqtt-password', 'mqtt-share-group']);
    for (const n of names) expect(statSync(join(secretsDir, n)).mode & 0o777).toBe(0o600);
    // The same keys on the next start (the hashes stored keep matching).
    const ring = readFileSync(join(secretsDir, 'id-hash-keys.json'), 'utf8');
    const again = await startCenter({ dataDir: dir, secretsDir });
    expect(mobileOf(again).cases.byIdNumber(DEMO_APPLICANTS.li).length).toBeGreaterThan(0);
    await again.stop();
    expect(readFileSync(join(secretsDir, 'id-hash-keys.json'), 'utf8')).toBe(ring);
    chmodSync(join(secretsDir, 'mqtt-password'), 0o644);
    await expect(startCenter({ dataDir: dir, secretsDir })).rejects.toThrow(/mqtt-password is readable by others \(mode 644\): chmod 600 it/);
    chmodSync(join(secretsDir, 'mqtt-password'), 0o600);
    chmodSync(secretsDir, 0o755);
    await expect(startCenter({ dataDir: dir, secretsDir })).rejects.toThrow(/secrets directory .* is open to others \(mode 755\): chmod 700 it/);
  });

  it("an older release's database: its key moves to the secrets directory, out of the file's bytes, and old hashes still match", async () => {
    const dir = tempDir('hallkit-secrets-upgrade-');
    const fixture = fileURLToPath(new URL('./fixtures/center-release-7e5d465.sqlite', import.meta.url));
    const old = new Database(fixture, { readonly: true });
    const oldKey = (old.prepare("SELECT value FROM m_meta WHERE key = 'id-hash-key'").get() as { value: string }).value;
    old.close();
    copyFileSync(fixture, join(dir, 'center.sqlite'));
    const center = await startCenter({ dataDir: dir });
    cleanups.push(() => center.stop());
    const id = DEMO_APPLICANTS.zhang;
    const oldHash = createHmac('sha256', Buffer.from(oldKey, 'base64')).update(normaliseIdNumber(id)).digest('base64url');
    expect(mobileOf(center).ids.hash(id)).toBe(oldHash);
    expect(center.ctx.db.prepare("SELECT count(*) AS n FROM m_meta WHERE key IN ('id-hash-key', 'door-code-key')").get()).toEqual({ n: 0 });
    const bytes = readFileSync(join(dir, 'center.sqlite')).toString('latin1') + (existsSync(join(dir, 'center.sqlite-wal')) ? readFileSync(join(dir, 'center.sqlite-wal')).toString('latin1') : '');
    expect(bytes.includes(oldKey)).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'secrets', 'id-hash-keys.json'), 'utf8')).keys[0].key).toBe(oldKey);
  });
});

describe('rotating secrets', () => {
  it('a new ID-hash key: earlier records still match, new ones use the new key, the old key retires only when unused', async () => {
    const dir = tempDir('hallkit-secrets-rotate-');
    const first = await startCenter({ dataDir: dir });
    const before = mobileOf(first).cases.byIdNumber(DEMO_APPLICANTS.zhang).map((c) => c.receiptCode).sort();
    expect(before.length).toBeGreaterThan(0);
    const mqttBefore = first.ctx.secrets.mqttPassword;
    await first.stop();

    expect((await run(['rotate', 'id-hash-key', `--data=${dir}`])).code).toBe(0);
    expect((await run(['rotate', 'mqtt-password', `--data=${dir}`])).code).toBe(0);
    const second = await startCenter({ dataDir: dir });
    cleanups.push(() => second.stop());
    const m = mobileOf(second);
    expect(second.ctx.secrets.mqttPassword).not.toBe(mqttBefore);
    expect(m.cases.byIdNumber(DEMO_APPLICANTS.zhang).map((c) => c.receiptCode).sort()).toEqual(before);
    const [sample] = m.cases.byIdNumber(DEMO_APPLICANTS.zhang);
    if (!sample) throw new Error('no case');
    m.cases.put({ ...sample, receiptCode: 'ROT2-0001' }, DEMO_APPLICANTS.li);
    const stored = second.ctx.db.prepare("SELECT id_hash FROM m_cases WHERE receipt_code = 'ROT2-0001'").get() as { id_hash: string };
    expect(stored.id_hash.startsWith('k2:')).toBe(true);
    expect(m.cases.byIdNumber(DEMO_APPLICANTS.li).map((c) => c.receiptCode)).toContain('ROT2-0001');

    const status = await run(['status', `--data=${dir}`]);
    expect(status.out).toMatch(/ID-hash key 1 from .*: [1-9]\d* stored rows/);
    expect(status.out).toMatch(/ID-hash key 2 \(current\) from .*: 1 stored rows/);
    const refused = await run(['retire-id-key', '1', `--data=${dir}`]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/still use key 1/);
    expect((await run(['retire-id-key', '2', `--data=${dir}`])).err).toMatch(/current ID-hash key/);
  });
});
