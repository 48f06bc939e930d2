// The center's side of the hall topics for tests and the soak benchmark, built from the real parts:
// a core Hall (the Yantai demo catalog) decides the calls; sync's publishHall/ConfigPublisher put
// them on a real broker exactly as the center does (calls not retained, snapshot retained). The
// headline latency test uses the real center process instead (see board.center.test.ts).
import { shippedHall } from '@hallkit/testkit';
import mqtt, { type MqttClient } from 'mqtt';
import { callAnnouncement, Hall, hallSnapshot, type CallMessage, type HallEvent } from '@hallkit/core';
import { ConfigPublisher, publishHall } from '@hallkit/sync';

export const HALL_ID = 'yantai';

export class HallFeed {
  readonly hall = new Hall(shippedHall('yantai', { allDay: true }));
  readonly configs: ConfigPublisher;
  private clock = Date.parse('2025-03-03T01:30:00Z');
  private configVersion = 1;

  private constructor(readonly client: MqttClient) {
    this.configs = new ConfigPublisher(client, HALL_ID);
  }

  static async start(url: string): Promise<HallFeed> {
    const client = await mqtt.connectAsync(url, { clientId: `center-test-${Math.random().toString(36).slice(2)}`, clean: true, reconnectPeriod: 200 });
    return new HallFeed(client);
  }

  /** Hall time: real now by default so calls are fresh for the voice; tests may move it. */
  now(): string {
    this.clock = Math.max(this.clock + 1, Date.now());
    return new Date(this.clock).toISOString();
  }

  /** Open windows with staff and put `perCategory` tickets in every category. */
  seed(windows: string[], perCategory: number): void {
    for (const w of windows) this.hall.openWindow(w, { id: `s-${w}`, name: `工作人员${w.slice(1)}` }, this.now());
    for (const c of this.hall.state.config.catalog.categories) {
      for (let i = 0; i < perCategory; i++) this.hall.issueTicket({ categoryId: c.id, source: 'on-site', priority: 'normal', issuerId: 'center', at: this.now() });
    }
  }

  async publishSnapshot(): Promise<void> {
    await publishHall(this.client, HALL_ID, 'snapshot', hallSnapshot(this.hall.state, this.now()), { retain: true, qos: 1 });
  }

  /** Call next at a window and publish it like the center's HallBroadcaster does. */
  /** `message: false` loses the call message on the way (as in a broker outage): only the snapshot tells. */
  async callNext(windowId: string, opts: { snapshot?: boolean; message?: boolean } = {}): Promise<CallMessage> {
    const { events } = this.hall.callNext(windowId, this.now());
    const e = events.find((x): x is Extract<HallEvent, { type: 'TicketCalled' }> => x.type === 'TicketCalled');
    if (!e) throw new Error(`nobody waiting for ${windowId}`);
    const msg = this.message(e.ticketId, windowId, e.at, false);
    if (opts.message !== false) await this.publishCall(msg);
    if (opts.snapshot !== false || opts.message === false) await this.publishSnapshot();
    return msg;
  }

  async recall(windowId: string): Promise<CallMessage> {
    const [e] = this.hall.recall(windowId, this.now());
    if (!e) throw new Error('no recall event');
    const msg = this.message(e.ticketId, windowId, e.at, true);
    await this.publishCall(msg);
    return msg;
  }

  message(ticketId: string, windowId: string, at: string, recall: boolean): CallMessage {
    const t = this.hall.ticket(ticketId);
    const w = this.hall.window(windowId);
    return {
      v: 1, ticketId, number: t.number, categoryId: t.categoryId, windowId, windowNumber: w.config.number, recall, at,
      voice: callAnnouncement(t.number, w.config.number),
    };
  }

  async publishCall(msg: CallMessage): Promise<void> {
    await publishHall(this.client, HALL_ID, 'calls', msg, { qos: 1 });
  }

  async boardConfig(deviceId: string, body: unknown): Promise<void> {
    await this.configs.publishDevice(deviceId, 'board', ++this.configVersion, body);
  }

  async notice(text: string): Promise<void> {
    await this.configs.publishHall('notices', ++this.configVersion, { v: 1, text });
  }

  /** The hall definition as the center publishes it; `body` for a test's own edit of it (a label added). */
  async hallConfig(body: unknown = this.hall.state.config): Promise<void> {
    await this.configs.publishHall('hall', ++this.configVersion, body);
  }

  async stop(): Promise<void> {
    await this.client.endAsync();
  }
}
