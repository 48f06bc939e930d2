// 现场扫码取号 from a kiosk's idle screen: a kiosk asks the center for the door code over MQTT (no admin
// log-in), gets the URL and when it changes; the code rotates with the hall's rotateMinutes, an old
// one still opens the door page within validMinutes and is refused after; only a kiosk may ask.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOOR_CODE_REQUEST, DoorCodeResponseSchema } from '@hallkit/core';
import type { Center } from '../src/server/Center.ts';
import { openDevice, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';

const dir = tempDir('hallkit-door-kiosk-');
let offset = 0;
const now = () => new Date(Date.now() + offset);
let center: Center;
type Device = ReturnType<typeof openDevice>;
let kiosk: Device;
let pad: Device;

beforeAll(async () => {
  center = await startCenter({ dataDir: dir, now });
  await center.provisionKnown({ deviceId: 'kiosk-1', role: 'kiosk', name: '一楼大厅取号机' }, 'pw-kiosk');
  await center.provisionKnown({ deviceId: 'pad-w5', role: 'evaluator', name: '5号窗口评价器', windowId: 'w5' }, 'pw-pad5');
  const hallId = center.hall.config.catalog.hall.id;
  kiosk = openDevice(dir, center.mqttUrl, hallId, 'kiosk-1', 'pw-kiosk');
  pad = openDevice(dir, center.mqttUrl, hallId, 'pad-w5', 'pw-pad5');
  for (const d of [kiosk, pad]) d.link.start();
  await waitUntil('devices connected', () => [kiosk, pad].every((d) => d.link.status().connected));
}, 30_000);

afterAll(async () => {
  for (const d of [kiosk, pad]) await d?.close();
  await center?.stop();
});

const ask = async (d: Device) => {
  const r = await d.link.request(DOOR_CODE_REQUEST, { v: 1 }, { timeoutMs: 4000, schema: DoorCodeResponseSchema });
  if (!r.ok) return { rejected: r.reason };
  return r.body;
};
const open = (url: string) => fetch(`${center.httpUrl}/api/m/door/${url.split('/').at(-1) ?? ''}`).then((r) => r.status);

describe('the door code for a kiosk’s idle screen', () => {
  it('rotates with the hall’s minutes; an old code opens the page within validMinutes, not after; a pad may not ask', async () => {
    const first = await ask(kiosk);
    if (!('ok' in first) || !first.ok) throw new Error(`no door code: ${JSON.stringify(first)}`);
    expect(first.url).toMatch(new RegExp(`^${center.ctx.publicUrl}/m/door/\\d+\\.[A-Za-z0-9_-]{22}$`));
    const changesIn = Date.parse(first.changesAt) - now().getTime();
    expect(changesIn).toBeGreaterThan(0);
    expect(changesIn).toBeLessThanOrEqual(3 * 60_000); // Yantai: the default 3 minutes
    expect(await open(first.url)).toBe(200);

    offset += changesIn + 1000;
    const second = await ask(kiosk);
    if (!('ok' in second) || !second.ok) throw new Error('no second code');
    expect(second.url).not.toBe(first.url);
    expect(await open(first.url)).toBe(200); // shown minutes ago: still in the hall
    offset += 11 * 60_000;
    expect(await open(first.url)).toBe(410);

    expect(await ask(pad)).toEqual({ rejected: 'rejected' });
  }, 30_000);
});
