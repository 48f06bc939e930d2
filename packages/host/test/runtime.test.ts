import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chromiumPath } from '@hallkit/testkit';
import {
  BridgeHost,
  ChromiumKiosk,
  LoopbackServer,
  RendererSupervisor,
  SystemdNotifier,
  defineContract,
  nextRestartAt,
  spreadOf,
} from '../src/index.ts';

describe('nightly restart', () => {
  const w = { from: '03:00', to: '04:00', utcOffsetMinutes: 480 };
  it('falls inside the window, the next night if tonight’s slot has passed', () => {
    const now = Date.parse('2026-11-23T10:00:00+08:00');
    const at = nextRestartAt(now, w, 'kiosk-1');
    const local = new Date(at + 480 * 60_000);
    expect(local.getUTCDate()).toBe(24);
    expect(local.getUTCHours()).toBe(3);
    expect(at).toBeGreaterThan(now);
    const early = Date.parse('2026-11-23T01:00:00+08:00');
    expect(new Date(nextRestartAt(early, w, 'kiosk-1') + 480 * 60_000).getUTCDate()).toBe(23);
  });

  it('spreads 400 devices over the window instead of one second', () => {
    const now = Date.parse('2026-11-23T10:00:00+08:00');
    const minutes = new Set(
      Array.from({ length: 400 }, (_, i) => Math.floor(nextRestartAt(now, w, `pad-w${i}`) / 60_000)),
    );
    expect(minutes.size).toBeGreaterThan(45);
    expect(spreadOf('a')).not.toBe(spreadOf('b'));
  });

  it('handles a window across midnight', () => {
    const at = nextRestartAt(
      Date.parse('2026-11-23T22:00:00+08:00'),
      { from: '23:30', to: '00:30', utcOffsetMinutes: 480 },
      'board-1',
    );
    const mins = (at - Date.parse('2026-11-23T23:30:00+08:00')) / 60_000;
    expect(mins).toBeGreaterThanOrEqual(0);
    expect(mins).toBeLessThan(60);
  });
});

describe('systemd notifier', () => {
  it('is silent outside systemd and pings at half the watchdog interval under it', () => {
    expect(new SystemdNotifier({}).active).toBe(false);
    expect(new SystemdNotifier({ NOTIFY_SOCKET: '/run/x', WATCHDOG_USEC: '60000000' }).pingIntervalMs).toBe(
      30_000,
    );
  });
});

describe('renderer supervisor in a real Chromium', () => {
  let kiosk: ChromiumKiosk | undefined;
  let server: LoopbackServer<typeof contract> | undefined;
  const contract = defineContract({
    name: 'sup',
    version: 1,
    methods: { ping: { input: z.object({}), output: z.literal('pong') } },
    events: {},
  });
  afterAll(async () => {
    await kiosk?.close();
    await server?.stop();
  });

  it('reloads a crashed tab and gives up (app restart) when crashes repeat', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallkit-sup-'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><meta charset="utf-8"><h1 id="home">请取号</h1><script src="/boot.js"></script>',
    );
    writeFileSync(join(dir, 'boot.js'), 'window.bootedAt = Date.now();');
    server = new LoopbackServer(new BridgeHost(contract, { ping: () => 'pong' as const }, () => {}), {
      port: 0,
      staticDir: dir,
      log: () => {},
    });
    await server.start();
    kiosk = await ChromiumKiosk.launch({ executablePath: chromiumPath(), url: server.url, headless: true });
    const lines: string[] = [];
    const gaveUp: string[] = [];
    const supervisor = new RendererSupervisor(kiosk, {
      hangMs: 1000,
      maxReloads: 2,
      windowMs: 60_000,
      onGiveUp: (r) => gaveUp.push(r),
      log: (l) => lines.push(l),
    });

    const crash = async () => {
      const cdp = await kiosk!.page.context().newCDPSession(kiosk!.page);
      // The target dies mid-call, so the call may never answer.
      await Promise.race([
        cdp.send('Page.crash').catch(() => undefined),
        new Promise((r) => setTimeout(r, 2000)),
      ]);
    };
    const firstBoot = await kiosk.page.evaluate(() => (window as unknown as { bootedAt: number }).bootedAt);
    await crash();
    await expect.poll(() => supervisor.reloadCount, { timeout: 10_000 }).toBe(1);
    expect(await kiosk.page.locator('#home').textContent()).toBe('请取号');
    expect(
      await kiosk.page.evaluate(() => (window as unknown as { bootedAt: number }).bootedAt),
    ).toBeGreaterThan(firstBoot);

    await crash();
    await expect.poll(() => supervisor.reloadCount, { timeout: 10_000 }).toBe(2);
    await crash();
    await expect.poll(() => gaveUp.length, { timeout: 10_000 }).toBe(1);
    expect(lines.join('\n')).toMatch(/renderer process gone; reloading/);
    supervisor.dispose();
  }, 60_000);
});
