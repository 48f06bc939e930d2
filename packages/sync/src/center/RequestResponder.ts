// Answer device requests (e.g. "give me a ticket number") by name.
import type { MqttClient } from 'mqtt';
import type { z } from 'zod';
import { RequestSchema, type Request, type Response } from '../protocol/messages.ts';
import { topics } from '../protocol/topics.ts';
import { CenterChannel } from './CenterChannel.ts';
import { consoleLogger, Counters, type Logger } from '../Logger.ts';

export interface RequestContext {
  deviceId: string;
  id: string;
}

type Handler = (body: unknown, ctx: RequestContext) => unknown;

export class RequestResponder {
  readonly counters = new Counters();
  private readonly handlers = new Map<string, { schema: z.ZodType | undefined; fn: Handler }>();
  private readonly channel: CenterChannel<typeof RequestSchema>;

  constructor(
    private readonly client: MqttClient,
    private readonly hallId: string,
    private readonly opts: {
      shareGroup?: string;
      logger?: Logger;
      /** Who may ask what, and how often: a refusal code, or undefined to go on (runs before the handler). */
      authorize?: (deviceId: string, name: string) => string | undefined;
    } = {},
  ) {
    this.channel = new CenterChannel({
      client,
      hallId,
      channel: 'req',
      schema: RequestSchema,
      shareGroup: opts.shareGroup,
      logger: this.logger,
      counters: this.counters,
      onMessage: (_d, req) => void this.answer(req),
    });
  }

  private get logger(): Logger {
    return this.opts.logger ?? consoleLogger('[sync:req]');
  }

  /** Register the handler of one request name; its return value (or promise) is the response body. */
  handle<S extends z.ZodType>(name: string, schema: S | undefined, fn: (body: z.infer<S>, ctx: RequestContext) => unknown): this {
    this.handlers.set(name, { schema, fn: fn as Handler });
    return this;
  }

  start(): Promise<void> {
    return this.channel.start();
  }

  stop(): Promise<void> {
    return this.channel.stop();
  }

  private async answer(req: Request): Promise<void> {
    const base = { v: 1 as const, hallId: this.hallId, deviceId: req.deviceId, id: req.id };
    let res: Response;
    const h = this.handlers.get(req.name);
    const refused = h ? this.opts.authorize?.(req.deviceId, req.name) : undefined;
    if (refused !== undefined) {
      this.counters.inc(`refused.${refused}.req`);
      this.logger.warn('request refused', { deviceId: req.deviceId, name: req.name, id: req.id, code: refused });
      res = { ...base, ok: false, error: refused };
    } else if (!h) {
      this.counters.inc('unknown-request');
      res = { ...base, ok: false, error: 'unknown-request' };
    } else {
      const parsed = h.schema ? h.schema.safeParse(req.body) : { success: true as const, data: req.body };
      if (!parsed.success) {
        this.counters.inc('rejected.bad-schema.req');
        this.logger.warn('request body rejected', { deviceId: req.deviceId, name: req.name, id: req.id });
        res = { ...base, ok: false, error: 'bad-request' };
      } else {
        try {
          res = { ...base, ok: true, body: await h.fn(parsed.data, { deviceId: req.deviceId, id: req.id }) };
        } catch (e) {
          this.counters.inc('errors.req');
          res = { ...base, ok: false, error: (e as Error).message.slice(0, 500) };
        }
      }
    }
    this.client.publish(topics.device(this.hallId, req.deviceId, 'res'), JSON.stringify(res), { qos: 1 }, () => undefined);
  }
}
