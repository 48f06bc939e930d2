// How each center-side class hears one channel of every device in a hall on a shared MqttClient:
// subscribe (optionally through a `$share/<group>/` consumer group), route by parsed topic, decode and
// check the payload against the topic, count and log what is rejected.
import type { MqttClient } from 'mqtt';
import type { z } from 'zod';
import { parseTopic, topics, type DeviceChannel } from '../protocol/topics.ts';
import { decode } from '../protocol/decode.ts';
import type { Counters, Logger } from '../Logger.ts';

type Checked = { hallId: string; deviceId: string };

export interface CenterChannelOptions<S extends z.ZodType> {
  client: MqttClient;
  hallId: string;
  channel: Exclude<DeviceChannel, 'config'>;
  schema: S;
  shareGroup?: string | undefined;
  logger: Logger;
  counters: Counters;
  onMessage: (deviceId: string, msg: z.infer<S>) => void;
}

export class CenterChannel<S extends z.ZodType> {
  private readonly filter: string;
  private readonly listener: (topic: string, payload: Buffer) => void;

  constructor(private readonly o: CenterChannelOptions<S>) {
    const plain = topics.anyDevice(o.hallId, o.channel);
    this.filter = o.shareGroup ? topics.shared(o.shareGroup, plain) : plain;
    this.listener = (topic, payload) => this.route(topic, payload);
  }

  async start(): Promise<void> {
    this.o.client.on('message', this.listener);
    await this.o.client.subscribeAsync(this.filter, { qos: 1 });
  }

  async stop(): Promise<void> {
    this.o.client.off('message', this.listener);
    if (this.o.client.connected) await this.o.client.unsubscribeAsync(this.filter);
  }

  private route(topic: string, payload: Buffer): void {
    const t = parseTopic(topic);
    if (!t || t.scope !== 'device' || t.channel !== this.o.channel || t.hallId !== this.o.hallId) return;
    const d = decode(this.o.schema, payload);
    const reject = (reason: string, detail: string) => {
      this.o.counters.inc(`rejected.${reason}.${this.o.channel}`);
      this.o.logger.warn(`rejected ${this.o.channel} message`, { deviceId: t.deviceId, reason, detail });
    };
    if (!d.ok) return reject(d.reason, d.detail);
    const m = d.msg as Checked;
    if (m.hallId !== t.hallId || m.deviceId !== t.deviceId) return reject('foreign', `payload ${m.hallId}/${m.deviceId} on topic of ${t.hallId}/${t.deviceId}`);
    try {
      this.o.onMessage(t.deviceId, d.msg);
    } catch (e) {
      // A handler bug must not take the center's MQTT client down with it.
      this.o.counters.inc(`errors.${this.o.channel}`);
      this.o.logger.error(`${this.o.channel} handler failed`, { deviceId: t.deviceId, error: (e as Error).message });
    }
  }
}
