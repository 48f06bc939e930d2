// Window 5's rating pad (provisioned by the demo center) for kiosk tests of the hall's rating point:
// a ticket served at window 5 whose pad lets the rating lapse is open for rating at the kiosk.
import { join } from 'node:path';
import { WindowMessageSchema, windowTopicName, type WindowMessage } from '@hallkit/core';
import { DeviceLink, DeviceStore } from '@hallkit/sync';
import { Session } from './booking.ts';
import { waitUntil, type KioskRig } from './KioskRig.ts';

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export class RatingPad {
  private constructor(
    private readonly rig: KioskRig,
    private readonly link: DeviceLink,
    private readonly store: DeviceStore,
    private readonly prompts: WindowMessage[],
  ) {}

  static async start(rig: KioskRig): Promise<RatingPad> {
    const store = DeviceStore.open({ path: join(rig.dir, 'pad-w5.db'), logger: quiet });
    const prompts: WindowMessage[] = [];
    const link = new DeviceLink({ store, url: rig.mosquitto.url, hallId: 'yantai', deviceId: 'pad-w5', password: 'demo-pad-w5', logger: quiet, heartbeatMs: 2000, backoff: { initialMs: 50, maxMs: 300 } });
    link.subscribeHall(windowTopicName('w5'), WindowMessageSchema, (m) => void prompts.push(m));
    link.start();
    return new RatingPad(rig, link, store, prompts);
  }

  /** A ticket taken at the kiosk, served and finished at window 5, its pad's rating lapsed: returns the ticket's QR. */
  async ticketToRate(): Promise<string> {
    const p = this.rig.page;
    await this.rig.reset();
    await p.click('[data-testid=go-take]');
    await p.click('[data-testid=tile-general]');
    await p.waitForSelector('[data-testid=ticket-number]');
    const number = (await p.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
    const followUrl = (await p.getAttribute('img[data-qr]', 'data-qr')) ?? '';
    await p.click('[data-testid=ticket-done]');
    const staff = new Session(this.rig.center.httpUrl);
    await staff.post('/api/login/staff', { staffNo: 'YT0501', pin: '0501' });
    let current = '';
    for (let i = 0; i < 40 && current !== number; i++) current = String((await staff.post<{ result: unknown }>('/api/windows/w5/call-next', {})).result);
    if (current !== number) throw new Error(`window 5 never called ${number}`);
    await staff.post('/api/windows/w5/finish', { outcome: 'completed' });
    await waitUntil(() => this.prompts.some((m) => m.evaluation?.number === number), 10_000, `window 5's pad prompted for ${number}`);
    const prompt = this.prompts.find((m) => m.evaluation?.number === number)?.evaluation;
    this.store.append({ type: 'EvaluationLapsed', v: 1, at: new Date().toISOString(), serviceId: prompt?.serviceId ?? '', ticketId: prompt?.ticketId ?? '' });
    await waitUntil(() => this.link.status().backlog.events === 0, 10_000, 'lapse delivered');
    return followUrl;
  }

  async stop(): Promise<void> {
    await this.link.stop();
    this.store.close();
  }
}
