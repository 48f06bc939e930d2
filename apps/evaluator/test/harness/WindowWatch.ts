// Listens to the center's retained `hall/window-w5` messages on the broker, like the pad would:
// the offline test hands them to a pad that is cut off.
import mqtt, { type MqttClient } from 'mqtt';
import { HallMessageSchema } from '@hallkit/sync';
import { WindowMessageSchema, type WindowMessage } from '@hallkit/core';

export class WindowWatch {
  readonly messages: WindowMessage[] = [];
  private constructor(private readonly client: MqttClient) {}

  static async start(url: string, windowId: string): Promise<WindowWatch> {
    const client = await mqtt.connectAsync(url, { clientId: `watch-${Math.random().toString(36).slice(2)}`, clean: true });
    const w = new WindowWatch(client);
    client.on('message', (_t, payload) => {
      const m = HallMessageSchema.safeParse(JSON.parse(payload.toString()));
      const body = m.success ? WindowMessageSchema.safeParse(m.data.body) : undefined;
      if (body?.success) w.messages.push(body.data);
    });
    await client.subscribeAsync(`hallkit/v1/yantai/hall/window-${windowId}`, { qos: 1 });
    return w;
  }

  /** The first message that asks to rate `serviceId`. */
  async promptFor(serviceId: string, timeoutMs = 10_000): Promise<WindowMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = this.messages.find((x) => x.evaluation?.serviceId === serviceId);
      if (m) return m;
      if (Date.now() > deadline) throw new Error(`no prompt for ${serviceId}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    await this.client.endAsync();
  }
}
