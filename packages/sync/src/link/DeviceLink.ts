// The device's MQTT link to the center: identity, reconnect with backoff, presence and last will,
// heartbeat, the outbox sender, config and command subscriptions, requests, hall topics. Every
// incoming payload is decoded and checked; what does not fit is counted and logged, never thrown.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import type { z } from 'zod';
import type { DeviceStore, StoreTx } from '../store/DeviceStore.ts';
import type { ConfigScope } from '../config/ConfigStore.ts';
import {
  AckSchema, HallMessageSchema, ResponseSchema,
  type Heartbeat, type HallMessage, type Presence, type Request,
} from '../protocol/messages.ts';
import { assertTopicId, parseTopic, topics } from '../protocol/topics.ts';
import { decode, type Rejection } from '../protocol/decode.ts';
import { Backoff } from './Backoff.ts';
import type { DeviceLinkOptions } from './DeviceLinkOptions.ts';
import type { ConfigApplied, LinkError, LinkState, LinkStatus, RequestOutcome } from './LinkStatus.ts';
import { CommandInbox } from './CommandInbox.ts';
import { ConfigInbox } from './ConfigInbox.ts';
import { OutboxSender } from './OutboxSender.ts';
import { TelemetrySender } from './TelemetrySender.ts';
import { consoleLogger, Counters, type Logger } from '../Logger.ts';
import { isSecureUrl, isTlsError, tlsErrorText } from './TlsFailure.ts';

export type { DeviceLinkOptions } from './DeviceLinkOptions.ts';
export type { ConfigApplied, LinkError, LinkState, LinkStatus, RequestOutcome } from './LinkStatus.ts';

export class DeviceLink extends EventEmitter<{
  status: [LinkStatus];
  connected: [];
  disconnected: [];
  acked: [upTo: number, deleted: number];
  config: [ConfigApplied];
  /** The broker refused the login (bad credentials / not authorised): e.g. the device was revoked. */
  refused: [reason: string];
}> {
  readonly counters = new Counters();
  private readonly logger: Logger;
  private readonly store: DeviceStore;
  private readonly backoff: Backoff;
  private readonly outbox: OutboxSender;
  private readonly telemetry: TelemetrySender;
  private readonly configs: ConfigInbox;
  private readonly commands: CommandInbox;
  private readonly hallHandlers = new Map<string, { schema: z.ZodType | undefined; fn: (body: unknown, msg: HallMessage) => void }>();
  private readonly pending = new Map<string, (o: RequestOutcome<unknown>) => void>();
  private client: MqttClient | undefined;
  private session = '';
  private state: LinkState = 'stopped';
  private connects = 0;
  private readonly startedAt = Date.now();
  private timers: NodeJS.Timeout[] = [];
  /** A heartbeat asked for by healthChanged(), and when the last one went. */
  private healthTimer: NodeJS.Timeout | undefined;
  private lastHeartbeatAt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private unlistenAppend: (() => void) | undefined;
  private lastError: LinkError | null = null;

  constructor(private readonly o: DeviceLinkOptions) {
    super();
    assertTopicId('hallId', o.hallId);
    assertTopicId('deviceId', o.deviceId);
    this.store = o.store;
    this.logger = o.logger ?? consoleLogger(`[sync:${o.deviceId}]`);
    this.backoff = new Backoff(o.backoff);
    this.outbox = new OutboxSender({
      store: o.store,
      topic: topics.device(o.hallId, o.deviceId, 'outbox'),
      hallId: o.hallId,
      deviceId: o.deviceId,
      batchSize: Math.min(5000, Math.max(1, o.batchSize ?? 500)), // the schema allows ≤ 5000 per message
      maxBatchBytes: o.maxBatchBytes ?? 256 * 1024,
      maxInflightBatches: o.maxInflightBatches ?? 4,
      ackTimeoutMs: o.ackTimeoutMs ?? 10_000,
      logger: this.logger,
      counters: this.counters,
      onAcked: (upTo, deleted) => this.emit('acked', upTo, deleted),
    });
    this.configs = new ConfigInbox({
      store: o.store,
      hallId: o.hallId,
      deviceId: o.deviceId,
      logger: this.logger,
      reject: (reason, detail) => this.reject('config', reason, detail),
      applied: (c) => {
        this.emit('config', c);
        this.sendHeartbeat();
      },
    });
    this.commands = new CommandInbox({
      store: o.store,
      hallId: o.hallId,
      deviceId: o.deviceId,
      counters: this.counters,
      reject: (reason, detail) => this.reject('cmd', reason, detail),
      publish: (topic, payload) => this.client?.publish(topic, payload, { qos: 1 }, () => undefined),
    });
    this.telemetry = new TelemetrySender(o.store, topics.device(o.hallId, o.deviceId, 'telemetry'), o.hallId, o.deviceId, this.logger);
    if (o.tls && !isSecureUrl(o.url)) this.logger.warn('a hall CA is set but the broker URL is not mqtts://: the link is not encrypted', { url: o.url });
  }

  // ---- registration (before start) --------------------------------------------------------------

  /**
   * How to apply one config kind. `apply` runs in the same SQLite transaction that records the new
   * version: if it (or the schema) fails, the last good config stays. Configs of kinds without a
   * handler are still stored (read them with `store.config.get`).
   */
  onConfig<S extends z.ZodType>(scope: ConfigScope, kind: string, opts: { schema?: S; apply?: (tx: StoreTx, body: z.infer<S>) => void }): this {
    this.configs.handle(scope, kind, opts);
    return this;
  }

  /** Handle a command name; the return value (or promise) is the result body, a throw is `ok: false`. */
  onCommand<S extends z.ZodType>(name: string, schema: S | undefined, fn: (body: z.infer<S>, ctx: { id: string }) => unknown): this {
    this.commands.handle(name, schema, fn);
    return this;
  }

  /** Receive a public hall message (`calls`, `snapshot`, …); retained ones arrive on every connect. */
  subscribeHall<S extends z.ZodType>(name: string, schema: S | undefined, fn: (body: z.infer<S>, msg: HallMessage) => void): this {
    assertTopicId('hall message name', name);
    this.hallHandlers.set(name, { schema, fn: fn as (body: unknown, msg: HallMessage) => void });
    if (this.client?.connected) void this.client.subscribeAsync(topics.hall(this.o.hallId, name), { qos: 1 }).catch(() => undefined);
    return this;
  }

  // ---- lifecycle --------------------------------------------------------------------------------

  start(): void {
    if (this.state !== 'stopped') return;
    this.state = 'connecting';
    this.unlistenAppend = this.store.onAppend(() => this.outbox.pump());
    const ackTimeout = this.o.ackTimeoutMs ?? 10_000;
    this.timers.push(setInterval(() => this.outbox.checkProgress(), Math.max(100, ackTimeout / 4)));
    // Safety net for rows appended without DeviceStore.transaction (e.g. another connection).
    this.timers.push(setInterval(() => this.outbox.pump(), 1000));
    this.timers.push(setInterval(() => this.sendHeartbeat(), this.o.heartbeatMs ?? 30_000));
    this.connect();
  }

  /** Say offline (retained), close the connection; the outbox keeps whatever is unacked. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    this.timers.forEach(clearInterval);
    this.timers = [];
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.healthTimer);
    this.healthTimer = undefined;
    this.unlistenAppend?.();
    const c = this.client;
    this.client = undefined;
    this.outbox.detach();
    this.telemetry.detach();
    this.failPending('offline', 'link stopped');
    if (!c) return;
    // A broker that goes away at the same moment (the whole hall shutting down) must not hold the
    // device's shutdown: say offline if that gets through within a second (the last will says it
    // otherwise), close cleanly within another, else drop the connection.
    const said = c.connected
      ? await within(1000, c.publishAsync(topics.device(this.o.hallId, this.o.deviceId, 'presence'), JSON.stringify(this.presence('offline')), { qos: 1, retain: true }))
      : false;
    if (!said || !(await within(1000, c.endAsync()))) await c.endAsync(true).catch(() => undefined);
  }

  status(): LinkStatus {
    return {
      state: this.state,
      connected: this.client?.connected === true && this.state === 'online',
      backlog: this.backlog(),
      inflightBatches: this.outbox.inflightBatches,
      config: this.store.config.versions(),
      counters: this.counters.toJSON(),
      connects: this.connects,
      lastError: this.lastError,
    };
  }

  /** Queue telemetry (lossy, coalesced by key, bounded); sent when connected. */
  /**
   * The app's health changed (a printer cover opened, a reader was unplugged): the center hears it
   * with a heartbeat now, not at the next one. At most one extra heartbeat a second.
   */
  healthChanged(): void {
    if (this.healthTimer || this.state === 'stopped') return;
    this.healthTimer = setTimeout(() => {
      this.healthTimer = undefined;
      this.sendHeartbeat();
    }, Math.max(0, this.lastHeartbeatAt + 1000 - Date.now()));
  }

  recordTelemetry(body: unknown, key: string | null = null): void {
    this.store.telemetry.record(body, key);
    this.telemetry.pump();
  }

  /** Ask the center something. Never throws: the caller picks its fallback on `offline`/`timeout`. */
  request<S extends z.ZodType>(name: string, body: unknown, opts: { timeoutMs?: number; schema?: S } = {}): Promise<RequestOutcome<z.infer<S>>> {
    assertTopicId('request name', name);
    const client = this.client;
    if (!client?.connected || this.state !== 'online') return Promise.resolve({ ok: false, reason: 'offline', error: 'not connected' });
    const timeoutMs = opts.timeoutMs ?? 5000;
    const req: Request = { v: 1, hallId: this.o.hallId, deviceId: this.o.deviceId, id: randomUUID(), name, at: Date.now(), timeoutMs, body };
    return new Promise((resolve) => {
      const timer = setTimeout(() => done({ ok: false, reason: 'timeout', error: `no response within ${timeoutMs} ms` }), timeoutMs);
      const done = (outcome: RequestOutcome<unknown>) => {
        clearTimeout(timer);
        this.pending.delete(req.id);
        if (outcome.ok && opts.schema) {
          const r = opts.schema.safeParse(outcome.body);
          if (!r.success) {
            this.counters.inc('rejected.bad-schema.res');
            return resolve({ ok: false, reason: 'rejected', error: 'response does not match the schema' });
          }
          return resolve({ ok: true, body: r.data });
        }
        resolve(outcome as RequestOutcome<z.infer<S>>);
      };
      this.pending.set(req.id, done);
      client.publish(topics.device(this.o.hallId, this.o.deviceId, 'req'), JSON.stringify(req), { qos: 1 }, () => undefined);
    });
  }

  // ---- connection -------------------------------------------------------------------------------

  private presence(status: Presence['status']): Presence {
    return { v: 1, hallId: this.o.hallId, deviceId: this.o.deviceId, status, session: this.session, at: Date.now(), config: this.store.config.versions() };
  }

  private connect(): void {
    if (this.state === 'stopped') return;
    this.state = 'connecting';
    this.session = randomUUID();
    const presenceTopic = topics.device(this.o.hallId, this.o.deviceId, 'presence');
    const tls = this.o.tls && isSecureUrl(this.o.url) ? { ca: this.o.tls.ca, ...(this.o.tls.servername ? { servername: this.o.tls.servername } : {}) } : {};
    const c = mqtt.connect(this.o.url, {
      connectTimeout: 10_000,
      keepalive: 30,
      ...this.o.mqtt,
      ...tls,
      // Never off, whatever `mqtt` says: with it off mqtt.js would also swallow the TLS errors.
      rejectUnauthorized: true,
      clientId: this.o.deviceId,
      username: this.o.username ?? this.o.deviceId,
      ...(this.o.password !== undefined ? { password: this.o.password } : {}),
      protocolVersion: this.o.protocolVersion ?? 4,
      clean: true,
      reconnectPeriod: 0, // our own backoff with jitter, see Backoff.ts
      resubscribe: false,
      queueQoSZero: false,
      will: { topic: presenceTopic, payload: Buffer.from(JSON.stringify(this.presence('offline'))), qos: 1, retain: true },
    });
    this.client = c;
    c.on('connect', () => void this.onConnect(c));
    c.on('message', (topic, payload) => this.route(topic, payload));
    c.on('error', (e) => {
      // CONNACK 4/5 (MQTT 3.1.1) or 0x86/0x87 (MQTT 5): the broker does not accept these credentials.
      const code = (e as { code?: unknown }).code;
      if (code === 4 || code === 5 || code === 134 || code === 135) {
        this.counters.inc('refused.auth.connect');
        this.noteError('refused', e.message);
        this.emit('refused', e.message);
      } else if (isTlsError(e)) {
        this.counters.inc('errors.tls.connect');
        this.noteError('tls', tlsErrorText(e, this.o.tls !== undefined || this.o.mqtt?.ca !== undefined));
      } else this.noteError('network', e.message);
    });
    c.on('close', () => this.onClose(c));
  }

  private async onConnect(c: MqttClient): Promise<void> {
    // Small acks must not wait for Nagle + delayed ACK (~40 ms per round trip on Linux).
    const sock = c.stream as { setNoDelay?: (on: boolean) => void };
    sock.setNoDelay?.(true);
    const h = this.o.hallId;
    const d = this.o.deviceId;
    try {
      await c.subscribeAsync(
        [
          topics.device(h, d, 'ack'), topics.device(h, d, 'cmd'), topics.device(h, d, 'res'),
          topics.deviceConfigAll(h, d), topics.hallConfigAll(h),
          ...[...this.hallHandlers.keys()].map((n) => topics.hall(h, n)),
        ],
        { qos: 1 },
      );
      await c.publishAsync(topics.device(h, d, 'presence'), JSON.stringify(this.presence('online')), { qos: 1, retain: true });
    } catch (e) {
      this.logger.warn('connected but setup failed; reconnecting', { error: (e as Error).message });
      c.end(true);
      return;
    }
    if (this.client !== c || this.state === 'stopped') return;
    this.connects++;
    this.state = 'online';
    this.lastError = null;
    this.backoff.reset();
    this.logger.info('online', { session: this.session, backlog: this.store.outbox.backlog().events });
    this.outbox.attach(c);
    this.telemetry.attach(c);
    this.outbox.pump();
    this.telemetry.pump();
    this.sendHeartbeat();
    this.emit('connected');
    this.emit('status', this.status());
  }

  private onClose(c: MqttClient): void {
    if (this.client !== c) return;
    const wasOnline = this.state === 'online';
    this.client = undefined;
    this.outbox.detach();
    this.telemetry.detach();
    this.failPending('offline', 'connection lost');
    c.end(true);
    if (this.state === 'stopped') return;
    this.state = 'waiting';
    if (wasOnline) {
      this.logger.warn('connection lost');
      this.emit('disconnected');
      this.emit('status', this.status());
    }
    const delay = this.backoff.next();
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  /** Keeps why the link is not up, for status() and the log: a new reason is a warning, a repeat is not. */
  private noteError(kind: LinkError['kind'], message: string): void {
    const repeat = this.lastError?.kind === kind && this.lastError.message === message;
    this.lastError = { kind, message, at: Date.now() };
    if (repeat || kind === 'network') this.logger.debug('mqtt error', { kind, error: message });
    else this.logger.warn(kind === 'tls' ? 'cannot reach the broker over TLS' : 'the broker refused this device', { error: message });
    if (!repeat) this.emit('status', this.status());
  }

  private failPending(reason: 'offline', error: string): void {
    for (const done of [...this.pending.values()]) done({ ok: false, reason, error });
  }

  // ---- incoming ---------------------------------------------------------------------------------

  private reject(channel: string, reason: Rejection, detail: string): void {
    this.counters.inc(`rejected.${reason}.${channel}`);
    this.logger.warn(`rejected ${channel} message`, { reason, detail });
  }

  private route(topic: string, payload: Buffer): void {
    const t = parseTopic(topic);
    if (!t) return this.reject('unknown', 'foreign', `topic ${topic.slice(0, 120)}`);
    if (t.hallId !== this.o.hallId) return this.reject('unknown', 'foreign', `hall ${t.hallId}`);
    try {
      if (t.scope === 'hall') return this.onHall(t.name, payload);
      if (t.scope === 'hall-config') return this.configs.receive('hall', t.kind, payload);
      if (t.deviceId !== this.o.deviceId) return this.reject(t.channel, 'foreign', `device ${t.deviceId}`);
      if (t.channel === 'config' && t.kind) return this.configs.receive('device', t.kind, payload);
      if (t.channel === 'ack') {
        const d = decode(AckSchema, payload);
        if (!d.ok) return this.reject('ack', d.reason, d.detail);
        if (d.msg.hallId !== this.o.hallId || d.msg.deviceId !== this.o.deviceId) return this.reject('ack', 'foreign', 'ids differ from topic');
        this.outbox.onAck(d.msg);
        return;
      }
      if (t.channel === 'cmd') return void this.commands.receive(payload);
      if (t.channel === 'res') {
        const d = decode(ResponseSchema, payload);
        if (!d.ok) return this.reject('res', d.reason, d.detail);
        const done = this.pending.get(d.msg.id);
        if (!done) return this.reject('res', 'replay', `no pending request ${d.msg.id}`);
        done(d.msg.ok ? { ok: true, body: d.msg.body } : { ok: false, reason: 'rejected', error: d.msg.error ?? 'rejected' });
      }
    } catch (e) {
      // Our own bug or a full disk must not kill the link; the message is redelivered or resent.
      this.counters.inc('errors.incoming');
      this.logger.error('failed to handle incoming message', { channel: t.scope === 'device' ? t.channel : t.scope, error: (e as Error).message });
    }
  }

  private onHall(name: string, payload: Buffer): void {
    const h = this.hallHandlers.get(name);
    if (!h) return;
    const d = decode(HallMessageSchema, payload);
    if (!d.ok) return this.reject('hall', d.reason, d.detail);
    if (d.msg.hallId !== this.o.hallId || d.msg.name !== name) return this.reject('hall', 'foreign', 'ids differ from topic');
    const body = h.schema ? h.schema.safeParse(d.msg.body) : { success: true as const, data: d.msg.body };
    if (!body.success) return this.reject('hall', 'bad-schema', `hall/${name} body`);
    h.fn(body.data, d.msg);
  }

  // ---- heartbeat --------------------------------------------------------------------------------

  private backlog(): Heartbeat['backlog'] {
    const b = this.store.outbox.backlog();
    return {
      events: b.events,
      oldestAgeS: b.oldestAt === null ? null : Math.max(0, (Date.now() - b.oldestAt) / 1000),
      bytes: b.bytes,
      telemetry: this.store.telemetry.count(),
      telemetryDropped: this.store.telemetry.dropped(),
    };
  }

  private sendHeartbeat(): void {
    const c = this.client;
    if (!c?.connected || this.state !== 'online') return;
    let app: unknown = null;
    try {
      app = this.o.health?.() ?? null;
    } catch (e) {
      app = { error: `health() failed: ${(e as Error).message}` };
    }
    const hb: Heartbeat = {
      v: 1, hallId: this.o.hallId, deviceId: this.o.deviceId, session: this.session, at: Date.now(),
      uptimeS: (Date.now() - this.startedAt) / 1000, backlog: this.backlog(),
      config: this.store.config.versions(), counters: this.counters.toJSON(), app,
    };
    c.publish(topics.device(this.o.hallId, this.o.deviceId, 'heartbeat'), JSON.stringify(hb), { qos: 0 });
    this.lastHeartbeatAt = Date.now();
    this.telemetry.pump();
  }
}

/** Whether `p` settled well within `ms` (a rejection counts as not). */
async function within(ms: number, p: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([p.then(() => true, () => false), late]);
  } finally {
    clearTimeout(timer);
  }
}
