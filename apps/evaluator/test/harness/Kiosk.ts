// Tickets for the tests come from a dispenser, as in a hall: `kiosk-1` asks the center over sync.
import { shippedHall } from '@hallkit/testkit';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TICKET_REQUESTS, TicketIssueResponseSchema } from '@hallkit/core';
import { DeviceLink, DeviceStore, type Logger } from '@hallkit/sync';

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export class Kiosk {
  private constructor(
    private readonly link: DeviceLink,
    private readonly store: DeviceStore,
  ) {}

  static async start(mqttUrl: string): Promise<Kiosk> {
    const store = DeviceStore.open({ path: join(mkdtempSync(join(tmpdir(), 'hallkit-ev-kiosk-')), 'kiosk-1.db'), logger: quiet });
    const link = new DeviceLink({ store, url: mqttUrl, hallId: 'yantai', deviceId: 'kiosk-1', password: 'demo-kiosk-1', logger: quiet });
    const up = new Promise<void>((resolve) => link.once('connected', () => resolve()));
    link.start();
    await up;
    return new Kiosk(link, store);
  }

  /** A category window `windowId` serves in the demo hall. */
  static categoryFor(windowId: string): string {
    const w = shippedHall('yantai', { allDay: true }).windows.find((x) => x.id === windowId);
    if (!w?.categoryIds[0]) throw new Error(`no window ${windowId}`);
    return w.categoryIds[0];
  }

  async issue(categoryId: string): Promise<{ ticketId: string; number: string }> {
    const r = await this.link.request(TICKET_REQUESTS.issue, { v: 1, categoryId, source: 'on-site', priority: 'normal' }, { schema: TicketIssueResponseSchema });
    if (!r.ok) throw new Error(`ticket.issue: ${r.reason} ${r.error}`);
    if (!r.body.ok) throw new Error(`ticket.issue refused: ${r.body.code}`);
    return { ticketId: r.body.ticketId, number: r.body.number };
  }

  async stop(): Promise<void> {
    await this.link.stop();
    this.store.close();
  }
}
