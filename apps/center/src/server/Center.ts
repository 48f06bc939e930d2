// The hall's center: the domain core as the authority for the hall's queue, fed by every device's
// outbox, serving staff and admins over HTTP and devices over MQTT. `Center.start()` wires it all.
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import mqtt, { type MqttClient } from 'mqtt';
import type { Database } from 'better-sqlite3';
import { NumbersLeaseRequestSchema, STAFF_RATING_REQUEST, StaffRatingRequestSchema, REQUEUE_REQUEST, TICKET_REQUESTS, TicketIssueRequestSchema, TicketWithdrawRequestSchema, TicketRequeueRequestSchema, type HallConfig } from '@hallkit/core';
import { staffMonthRating } from './views/staffMonthRating.ts';
import { CommandSender, ConfigPublisher, consoleLogger, PresenceTracker, RequestResponder, type Logger } from '@hallkit/sync';
import { openCenterDb } from './store/CenterStore.ts';
import { TICKET_REQUEST_MIGRATIONS, TicketRequests } from './requests/TicketRequests.ts';
import { HallService } from './hall/HallService.ts';
import { HallBroadcaster } from './hall/HallBroadcaster.ts';
import { QueueSamples } from './hall/QueueSamples.ts';
import { RatingSweep } from './hall/RatingSweep.ts';
import { DayCloser } from './history/DayCloser.ts';
import { DeviceEventIngest } from './ingest/DeviceEventIngest.ts';
import { DeviceEventChecks } from './ingest/DeviceEventChecks.ts';
import { DeviceAccess, DEFAULT_REQUEST_LIMITS } from './access/DeviceAccess.ts';
import type { RateRule } from './access/RateLimiter.ts';
import { TicketTokens } from './requests/TicketTokens.ts';
import { TicketDesk } from './requests/TicketDesk.ts';
import { Accounts } from './auth/Accounts.ts';
import { AuditLog } from './auth/AuditLog.ts';
import { DeviceRegistry } from './provisioning/DeviceRegistry.ts';
import { ConfigVersions } from './provisioning/ConfigVersions.ts';
import { Fleet } from './provisioning/Fleet.ts';
import { EmbeddedBroker } from './broker/EmbeddedBroker.ts';
import { RefusalAudit } from './broker/RefusalAudit.ts';
import { MosquittoPasswords, type MosquittoPasswordsOptions } from './broker/MosquittoPasswords.ts';
import { Router } from './http/Router.ts';
import { HttpServer } from './http/HttpServer.ts';
import { trustedProxySet } from './http/ClientAddress.ts';
import { LiveFeed } from './http/LiveFeed.ts';
import { authRoutes } from './http/routes/authRoutes.ts';
import { windowRoutes } from './http/routes/windowRoutes.ts';
import { adminRoutes } from './http/routes/adminRoutes.ts';
import { enrolRoutes } from './http/routes/enrolRoutes.ts';
import { hallDefinitionRoutes } from './http/routes/hallDefinitionRoutes.ts';
import { setupRoutes } from './http/routes/setupRoutes.ts';
import { staffRoutes } from './http/routes/staffRoutes.ts';
import { staffingRoutes } from './http/routes/staffingRoutes.ts';
import { Staffing, type StaffingOptions } from './staffing/Staffing.ts';
import { DemoCredentialsRefused, demoCredentialsIn } from './auth/DemoCredentials.ts';
import type { CenterContext } from './CenterContext.ts';
import type { CenterModule } from './CenterModule.ts';
import { CENTER_MODULES } from './modules.ts';
import { HALL_DEFINITION_MIGRATIONS } from './hall/definition/hallDefinitionMigrations.ts';
import { HallDefinitions } from './hall/definition/HallDefinitions.ts';
import { HallEditor } from './hall/definition/HallEditor.ts';
import { applyChangedHallFile } from './hall/definition/applyChangedHallFile.ts';
import { CenterSecrets } from './secrets/CenterSecrets.ts';
import { CenterBackups, type BackupPolicy } from './backups/CenterBackups.ts';
import { BACKUP_MIGRATIONS } from './backups/backupMigrations.ts';
import { backupRoutes } from './http/routes/backupRoutes.ts';

export interface CenterOptions {
  /** The hall definition from the hall file: the first version of a new center, a new version when the file changed. */
  hallConfig: HallConfig;
  /** Where it came from (shown in the log). */
  hallFile?: string;
  /** Directory of `center.sqlite`. */
  dataDir: string;
  /** The secrets directory (0700; HALLKIT_SECRETS_DIR): keys and passwords, never in the database. Default `<dataDir>/secrets`. */
  secretsDir?: string;
  httpPort: number;
  httpHost?: string;
  /** External broker (Mosquitto, a cluster). Unset: start the embedded broker on `embeddedBrokerPort`. */
  mqttUrl?: string;
  mqttUsername?: string;
  /** Overrides the secrets directory's `mqtt-password` (tests with a broker of their own). */
  mqttPassword?: string;
  embeddedBrokerPort?: number;
  /** External Mosquitto: keep its password file in step with enrolment/revocation (issue 9). */
  mosquittoPasswords?: Omit<MosquittoPasswordsOptions, 'logger'>;
  /** What devices are told to connect to; defaults to the broker the center uses. */
  deviceMqttUrl?: string;
  /** The hall CA (PEM) given to devices at enrolment, for a `deviceMqttUrl` over mqtts:// (HALLKIT_DEVICE_MQTT_CA_FILE). */
  deviceMqttCa?: string;
  /** Base URL for citizens' phones (ticket QR codes); defaults to the HTTP address. */
  publicUrl?: string;
  /** Reverse proxies whose X-Forwarded-For is believed (rate limits per phone, not per proxy). */
  trustedProxies?: string[];
  /** Built web consoles; defaults to apps/center/dist. */
  webDir?: string;
  modules?: CenterModule[];
  logger?: Logger;
  now?: () => Date;
  /** Coalescing of the retained snapshot (ms). */
  snapshotEveryMs?: number;
  /** The call boards' notice line until an admin sets one. */
  defaultNotice?: string;
  heartbeatMs?: number;
  /** Subscribe to device outboxes and requests as `$share/<group>/…` (several center processes); `true`: the secret group from the secrets directory. */
  shareGroup?: string | true;
  /** Per-device limits of device requests by name (default DEFAULT_REQUEST_LIMITS; load benches raise them). */
  deviceRequestLimits?: Readonly<Record<string, RateRule>>;
  /** How often the center records abandoned ratings as not rated (ms; see RatingSweep). */
  ratingSweepMs?: number;
  /** How often the center checks whether the hall-day ended (ms; see DayCloser). */
  dayCloseCheckMs?: number;
  /** Window sessions: minutes without the console before the window closes, and how often to look. */
  staffing?: StaffingOptions;
  /** Scheduled online backups of center.sqlite (default: <dataDir>/backups, every 6 h, keep 28). */
  backups?: Partial<BackupPolicy>;
  /** Refuse to start while the data holds the demo's accounts (default: NODE_ENV=production). */
  refuseDemoCredentials?: boolean;
}

export const DEFAULT_WEB_DIR = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));

export class Center {
  private constructor(
    readonly ctx: CenterContext,
    readonly httpUrl: string,
    readonly mqttUrl: string,
    private readonly parts: { http: HttpServer; broker: EmbeddedBroker | undefined; responder: RequestResponder; presence: PresenceTracker; commands: CommandSender; modules: CenterModule[]; ratingSweep: RatingSweep; dayCloser: DayCloser },
  ) {}

  get hall() {
    return this.ctx.hall;
  }

  get commands(): CommandSender {
    return this.parts.commands;
  }

  static async start(o: CenterOptions): Promise<Center> {
    const logger = o.logger ?? consoleLogger('[center]');
    const now = o.now ?? (() => new Date());
    const modules = o.modules ?? CENTER_MODULES;
    const hallId = o.hallConfig.catalog.hall.id;
    const db: Database = openCenterDb(
      join(o.dataDir, 'center.sqlite'),
      [{ namespace: 'module:hall-definition', migrations: HALL_DEFINITION_MIGRATIONS }, { namespace: 'backups', migrations: BACKUP_MIGRATIONS }, { namespace: 'ticket-requests', migrations: TICKET_REQUEST_MIGRATIONS }, ...modules.filter((m) => m.migrations).map((m) => ({ namespace: `module:${m.name}`, migrations: m.migrations ?? [] }))],
    );
    const definitions = new HallDefinitions(db);
    // A production center never runs on the README's passwords (issue 14).
    if (o.refuseDemoCredentials ?? process.env.NODE_ENV === 'production') {
      const found = demoCredentialsIn(db);
      if (found.length) {
        db.close();
        throw new DemoCredentialsRefused(found, o.dataDir);
      }
    }
    // Secrets live in files; an older release's keys are moved out of the database here.
    let secrets: CenterSecrets;
    try {
      secrets = CenterSecrets.open(o.secretsDir ?? join(o.dataDir, 'secrets'), db, logger, now());
    } catch (e) {
      db.close();
      throw e;
    }
    const shareGroup = o.shareGroup === true ? secrets.mqttShareGroup : o.shareGroup;
    const registry = new DeviceRegistry(db);

    // The broker: embedded unless an external one is configured.
    let broker: EmbeddedBroker | undefined;
    let mqttUrl = o.mqttUrl;
    const centerSecret = o.mqttPassword ?? secrets.mqttPassword;
    // Refused logins, publishes, subscriptions and oversized packets go into the admin's audit.
    const refusals = new RefusalAudit(new AuditLog(db, () => now().getTime()), () => now().getTime());
    if (!mqttUrl) {
      broker = new EmbeddedBroker(hallId, {
        identify: (u, p) => {
          if (u === 'center') return p === centerSecret ? { kind: 'center' } : undefined;
          return registry.authenticate(u, p) ? { kind: 'device', deviceId: u } : undefined;
        },
      }, logger, { onRefused: (r) => refusals.record(r) });
      const port = await broker.listen(o.embeddedBrokerPort ?? 18830);
      mqttUrl = `mqtt://127.0.0.1:${port}`;
    }
    const client: MqttClient = await mqtt.connectAsync(mqttUrl, {
      clientId: `center-${hallId}-${randomBytes(3).toString('hex')}`,
      username: o.mqttUsername ?? 'center',
      password: centerSecret,
      clean: true,
      reconnectPeriod: 1000,
      protocolVersion: 4,
    });
    client.on('error', (e) => logger.warn('mqtt error', { error: e.message }));
    // Answers to device requests (a kiosk waiting for ticket-issue) must not sit behind Nagle's
    // algorithm waiting for a delayed ACK (~40 ms per answer): no Nagle on the center's socket.
    const noDelay = () => (client.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
    noDelay();
    client.on('connect', noDelay);

    const hall = new HallService(db, definitions.baseOr(o.hallConfig, now()));
    const live = new LiveFeed();
    const accounts = new Accounts(db, () => now().getTime());
    const audit = new AuditLog(db, () => now().getTime());
    const tokens = new TicketTokens(db, secrets.doorCodeKey);
    const httpHost = o.httpHost ?? '127.0.0.1';
    const broadcaster = new HallBroadcaster(client, hall, logger, o.snapshotEveryMs);
    const presence = new PresenceTracker(client, hallId, logger);
    const fleet = new Fleet(db, registry, presence, o.heartbeatMs);
    const configs = new ConfigVersions(db, new ConfigPublisher(client, hallId));
    const samples = new QueueSamples(db);
    const editor = new HallEditor(db, hall, definitions, configs, logger, now);
    const access = new DeviceAccess(registry, o.deviceRequestLimits ?? DEFAULT_REQUEST_LIMITS);
    // An offline appointment ticket keeps its priority only for a booking the center knows (phone pages' table).
    const knownAppointment = (id: string) => {
      try {
        return db.prepare('SELECT 1 FROM m_bookings WHERE id = ?').get(id) !== undefined;
      } catch {
        return false;
      }
    };
    const checks = new DeviceEventChecks(db, hall, access, now, knownAppointment);
    const ingest = new DeviceEventIngest(db, client, hall, registry, logger, () => live.changed(), shareGroup, checks);
    const ratingSweep = new RatingSweep(hall, now, logger, o.ratingSweepMs);
    const dayCloser = new DayCloser(hall, now, logger, o.dayCloseCheckMs);
    const responder = new RequestResponder(client, hallId, { logger, authorize: (deviceId, name) => access.request(deviceId, name), ...(shareGroup ? { shareGroup } : {}) });
    const commands = new CommandSender(client, hallId, logger);

    // HTTP first (port known → public URL), then the parts that need the context.
    const router = new Router();
    const http = new HttpServer(router, accounts, o.webDir ?? DEFAULT_WEB_DIR, logger, trustedProxySet(o.trustedProxies ?? []));
    const port = await http.listen(o.httpPort, httpHost);
    const httpUrl = `http://${httpHost}:${port}`;
    const publicUrl = o.publicUrl ?? httpUrl;
    const desk = new TicketDesk(hall, tokens, publicUrl, now, new TicketRequests(db, () => now().getTime()), logger);
    const staffing = new Staffing({ hall, accounts, audit, now, logger, live }, o.staffing);
    const deviceMqttUrl = o.deviceMqttUrl ?? mqttUrl;
    if (o.deviceMqttCa && !/^(mqtts|wss):/i.test(deviceMqttUrl)) logger.warn('a device CA is configured but devices are told a plain broker URL', { deviceMqttUrl });
    const backups = new CenterBackups(db, { dir: join(o.dataDir, 'backups'), everyHours: 6, keep: 28, ...o.backups }, audit, logger, now);
    const ctx: CenterContext = {
      staffing,
      db, secrets, backups, mqtt: client, deviceMqttUrl, editor, definitions, ...(o.deviceMqttCa ? { deviceMqttCa: o.deviceMqttCa } : {}), publicUrl, hall, broadcaster, desk, tokens, accounts, audit, registry, fleet, configs, samples, ingest, live, logger, now,
      ...(o.mosquittoPasswords && !broker ? { brokerCredentials: new MosquittoPasswords({ ...o.mosquittoPasswords, logger }) } : {}),
    };

    const deviceConfig = async (deviceId: string) => {
      const d = registry.get(deviceId);
      const body = d ? { v: 1, deviceId, role: d.role, name: d.name, windowId: d.windowId, state: d.state } : { v: 1, deviceId, state: 'unknown' };
      const version = await configs.publish({ deviceId }, 'device', body);
      return { body, version };
    };
    authRoutes(router, ctx);
    windowRoutes(router, ctx);
    adminRoutes(router, ctx, async (id) => void (await deviceConfig(id)), (id) => broker?.kick(id));
    enrolRoutes(router, ctx, deviceConfig);
    hallDefinitionRoutes(router, ctx);
    setupRoutes(router, ctx);
    staffRoutes(router, ctx);
    staffingRoutes(router, ctx);
    backupRoutes(router, ctx);
    router.get('/healthz', () => ({ json: { ok: true, hallId, events: hall.state.eventCount, mqtt: client.connected } }));

    responder.handle(TICKET_REQUESTS.issue, TicketIssueRequestSchema, (body, rc) => desk.issueForDevice(body, rc.deviceId));
    // Ghost tickets (issue 15): a kiosk that gave up waiting withdraws its request by id.
    responder.handle(TICKET_REQUESTS.withdraw, TicketWithdrawRequestSchema, (body, rc) => desk.withdraw(body.requestId, rc.deviceId));
    // 过号重排 by the ticket's QR code: only a kiosk scans tickets for citizens.
    responder.handle(REQUEUE_REQUEST, TicketRequeueRequestSchema, (body, rc) =>
      registry.get(rc.deviceId)?.role === 'kiosk' ? desk.requeueByToken(body.token, rc.deviceId) : { v: 1 as const, ok: false as const, code: 'forbidden', message: 'only a kiosk re-queues tickets' },
    );
    responder.handle(TICKET_REQUESTS.lease, NumbersLeaseRequestSchema, (body, rc) => desk.lease(body, rc.deviceId));
    responder.handle(STAFF_RATING_REQUEST, StaffRatingRequestSchema, (body) => staffMonthRating(hall.state, body.staffId, now(), db));
    for (const m of modules) {
      m.routes?.(router, ctx);
      m.requests?.(responder, ctx);
    }

    hall.on('events', (events) => {
      samples.maybeSample(hall.state, now().getTime());
      live.changed();
      // A slip the kiosk could not print is on the admin's audit list too (the window console marks it).
      for (const e of events) {
        if (e.type === 'TicketPrinted' && !e.printed) audit.record(e.by, 'ticket.unprinted', e.ticketId, { number: hall.state.tickets.get(e.ticketId)?.number ?? null, problem: e.problem ?? 'error' });
      }
    });
    fleet.on('change', () => live.changed());
    // A device that began a new store history (replaced or restored file) is worth an admin's look.
    ingest.outbox.on('new-store', (deviceId, store, base) => audit.record(deviceId, 'device.store.new', deviceId, { store, base }));

    await Promise.all([ingest.start(), responder.start(), presence.start(), commands.start()]);
    await applyChangedHallFile(o, editor, definitions, logger);
    await editor.publish();
    for (const d of registry.all()) await deviceConfig(d.deviceId);
    await broadcaster.publishAll();
    // Boards show the hall's notice line; keep the last one an admin set, or a default.
    if (configs.version('hall', 'notices') === undefined) {
      await configs.publish('hall', 'notices', { v: 1, text: o.defaultNotice ?? '请携带身份证原件，取号后留意叫号屏和语音提示，过号请到服务台咨询。' });
    }
    // A broker restarted without persistence forgets retained messages: publish them again on reconnect.
    client.on('connect', () => {
      logger.info('mqtt reconnected: republishing retained hall state and config');
      void Promise.all([broadcaster.publishAll(), configs.republishAll()]).catch((e: Error) => logger.warn('republish failed', { error: e.message }));
    });
    samples.maybeSample(hall.state, now().getTime());
    for (const m of modules) await m.start?.(ctx);
    dayCloser.start();
    ratingSweep.start();
    ctx.staffing.start();
    backups.start();
    logger.info('center started', { hallId, http: httpUrl, mqtt: mqttUrl, events: hall.state.eventCount });
    return new Center(ctx, httpUrl, mqttUrl, { http, broker, responder, presence, commands, modules, ratingSweep, dayCloser });
  }

  /** Provision a device with a known credential (demo, tests) and publish its config. */
  async provisionKnown(device: { deviceId: string; role: 'kiosk' | 'call-board' | 'evaluator' | 'window-strip' | 'caller-bridge'; name: string; windowId?: string }, password: string): Promise<void> {
    this.ctx.registry.provisionKnown(device, password, 'setup');
    await this.ctx.brokerCredentials?.grant(device.deviceId, password);
    const d = this.ctx.registry.get(device.deviceId);
    await this.ctx.configs.publish({ deviceId: device.deviceId }, 'device', { v: 1, deviceId: device.deviceId, role: d?.role, name: d?.name, windowId: d?.windowId ?? null, state: d?.state });
  }

  /** What the service watchdog asks: the database answers (a stuck event loop never gets to ask). */
  healthy(): boolean {
    try {
      return this.ctx.db.prepare('SELECT 1 AS ok').get() !== undefined;
    } catch {
      return false;
    }
  }

  /** Record every abandoned rating as not rated now (the timer does this every `ratingSweepMs`). */
  sweepRatings(): number {
    return this.parts.ratingSweep.sweep();
  }

  /** Close the hall-day that ended, if not done yet (the timer does this every `dayCloseCheckMs`). */
  closeEndedDay() {
    return this.parts.dayCloser.closeEndedDay();
  }

  async stop(): Promise<void> {
    const p = this.parts;
    p.ratingSweep.stop();
    p.dayCloser.stop();
    this.ctx.staffing.stop();
    await this.ctx.backups.stop();
    for (const m of [...p.modules].reverse()) await m.stop?.();
    this.ctx.broadcaster.stop();
    this.ctx.live.close();
    await p.http.close();
    await Promise.allSettled([this.ctx.ingest.stop(), p.responder.stop(), p.presence.stop(), p.commands.stop()]);
    await this.ctx.mqtt.endAsync();
    await p.broker?.close();
    this.ctx.db.close();
  }
}
