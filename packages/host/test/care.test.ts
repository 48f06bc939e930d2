import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { LogRing, maskIdNumbersIn, MaintenanceLock, RemoteCare, RESTART_EXIT_CODE } from '../src/care/index.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'hallkit-care-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Records handlers like DeviceLink.onCommand and runs them with the schema check it applies. */
class FakeLinkCommands {
  readonly handlers = new Map<string, { schema: z.ZodType | undefined; fn: (b: unknown, c: { id: string }) => unknown }>();
  onCommand<S extends z.ZodType>(name: string, schema: S | undefined, fn: (b: z.infer<S>, c: { id: string }) => unknown) {
    this.handlers.set(name, { schema, fn: fn as (b: unknown, c: { id: string }) => unknown });
  }
  run(name: string, body: unknown) {
    const h = this.handlers.get(name);
    if (!h) throw new Error(`no ${name}`);
    return h.fn(h.schema ? h.schema.parse(body) : body, { id: 'c1' });
  }
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

describe('LogRing', () => {
  it('masks ID numbers, keeps a bounded ring, survives a restart through its file and caps the size', () => {
    const file = join(tmp(), 'logs', 'host.log');
    const ring = new LogRing({ file, maxLines: 5, maxFileBytes: 400 });
    const log = ring.logger();
    log.info('card read', { id: '370602199001011234' });
    for (let i = 0; i < 10; i++) log.warn(`line ${i}`);
    const t = ring.tail(100);
    expect(t.lines).toHaveLength(5);
    expect(t.lines.at(-1)).toContain('line 9');
    expect(readFileSync(file, 'utf8') + readFileSync(`${file}.1`, 'utf8')).not.toContain('370602199001011234');
    expect(maskIdNumbersIn('id 370602199001011234 ok')).toBe('id 3706**********1234 ok');
    expect(maskIdNumbersIn('order 12345678901234567890123')).toBe('order 12345678901234567890123');
    const again = new LogRing({ file, maxLines: 50 });
    expect(again.tail(50).lines.some((l) => l.includes('line 9'))).toBe(true);
    const capped = again.tail(50, 120);
    expect(capped.bytes).toBeLessThanOrEqual(120);
    expect(capped.truncated).toBe(true);
  });
});

describe('RemoteCare', () => {
  it('runs each command with its schema: lock persists, logs are capped, restart exits with the restart code', async () => {
    const dir = tmp();
    const link = new FakeLinkCommands();
    const logs = new LogRing();
    const lock = new MaintenanceLock(join(dir, 'maintenance.json'));
    const exits: number[] = [];
    let printed = 0;
    const care = new RemoteCare({
      link,
      logs,
      lock,
      logger: logs.logger(quiet),
      exit: (c) => exits.push(c),
      restartDelayMs: 10,
      actions: { testPrint: () => ({ printed: ++printed > 0, checks: [{ id: 'printer', ok: true, detail: 'ok' }] }), reloadConfig: () => ['hall:hall'] },
    });
    expect(await link.run('test-print', { v: 1 })).toMatchObject({ v: 1, printed: true, checks: [{ id: 'printer', ok: true }] });
    expect(await link.run('lock', { v: 1, reason: '更换打印机' })).toMatchObject({ locked: true });
    expect(new MaintenanceLock(join(dir, 'maintenance.json')).state).toMatchObject({ locked: true, reason: '更换打印机' });
    expect(await link.run('unlock', { v: 1 })).toEqual({ v: 1, locked: false });
    expect(new MaintenanceLock(join(dir, 'maintenance.json')).locked).toBe(false);
    expect(await link.run('reload-config', { v: 1 })).toEqual({ v: 1, reloaded: ['hall:hall'] });
    const logsResult = (await link.run('collect-logs', { v: 1, lines: 3 })) as { lines: string[] };
    expect(logsResult.lines).toHaveLength(3);
    expect(() => link.run('collect-logs', { v: 1, lines: 0 })).toThrow();
    expect(await link.run('restart-app', { v: 1 })).toEqual({ v: 1, restartingInMs: 10 });
    await new Promise((r) => setTimeout(r, 50));
    expect(exits).toEqual([RESTART_EXIT_CODE]);
    care.dispose();
  });

  it('a damaged lock file keeps the device locked rather than unlocking it by surprise', async () => {
    const file = join(tmp(), 'maintenance.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, '{not json');
    expect(new MaintenanceLock(file).locked).toBe(true);
  });
});
