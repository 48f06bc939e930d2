// Send a command to one device and wait for its result. The same command id is re-published until a
// result arrives (devices use clean sessions, so the broker does not queue for an offline device);
// the device's inbox makes the repeats harmless.
import { randomUUID } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import { CommandResultSchema, type Command, type CommandResult } from '../protocol/messages.ts';
import { assertTopicId, topics } from '../protocol/topics.ts';
import { CenterChannel } from './CenterChannel.ts';
import { consoleLogger, Counters, type Logger } from '../Logger.ts';

export type CommandOutcome = { status: 'done'; result: CommandResult } | { status: 'timeout'; id: string };

export interface SendOptions {
  timeoutMs?: number;
  retryMs?: number;
  /** Reuse an id to resend a command after a center restart. */
  id?: string;
}

export class CommandSender {
  readonly counters = new Counters();
  private readonly pending = new Map<string, (r: CommandResult) => void>();
  private readonly channel: CenterChannel<typeof CommandResultSchema>;

  constructor(
    private readonly client: MqttClient,
    private readonly hallId: string,
    logger: Logger = consoleLogger('[sync:cmd]'),
  ) {
    this.channel = new CenterChannel({
      client,
      hallId,
      channel: 'cmd-result',
      schema: CommandResultSchema,
      logger,
      counters: this.counters,
      onMessage: (_d, r) => this.pending.get(`${r.deviceId}/${r.id}`)?.(r),
    });
  }

  start(): Promise<void> {
    return this.channel.start();
  }

  stop(): Promise<void> {
    return this.channel.stop();
  }

  async send(deviceId: string, name: string, body: unknown, opts: SendOptions = {}): Promise<CommandOutcome> {
    assertTopicId('deviceId', deviceId);
    assertTopicId('command name', name);
    const id = opts.id ?? randomUUID();
    const cmd: Command = { v: 1, hallId: this.hallId, deviceId, id, name, at: Date.now(), body };
    const key = `${deviceId}/${id}`;
    const payload = JSON.stringify(cmd);
    const topic = topics.device(this.hallId, deviceId, 'cmd');
    return new Promise<CommandOutcome>((resolve) => {
      const publish = () => this.client.publish(topic, payload, { qos: 1 }, () => undefined);
      const retry = setInterval(publish, opts.retryMs ?? 5000);
      const timeout = setTimeout(() => finish({ status: 'timeout', id }), opts.timeoutMs ?? 30_000);
      const finish = (o: CommandOutcome) => {
        clearInterval(retry);
        clearTimeout(timeout);
        this.pending.delete(key);
        resolve(o);
      };
      this.pending.set(key, (result) => finish({ status: 'done', result }));
      publish();
    });
  }
}
