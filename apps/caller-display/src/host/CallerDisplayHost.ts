// The call board's host (Node): its MQTT link to the center (retained hall snapshot, live calls,
// board config, hall notices), the board model, and the bridge its renderer talks to.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CallMessageSchema, HallHardwareSchema, HallSnapshotSchema, NameTranslationsSchema, WindowLabelTranslationsSchema } from '@hallkit/core';
import { BridgeHost, linkTls } from '@hallkit/host';
import { consoleLogger, DeviceLink, DeviceStore, type Logger } from '@hallkit/sync';
import { boardContract, type BoardContract } from '../contract.ts';
import { BoardConfigSchema, HallNoticeSchema, type BoardConfig } from '../board/BoardConfig.ts';
import { BoardModel } from '../board/BoardModel.ts';
import type { DeviceIdentity } from './identity.ts';
import { readHallClips } from './HallClipFolder.ts';
import { BOARD_MIGRATIONS, LastSnapshot } from './LastSnapshot.ts';
import { StripDriver, type StripDriverOptions } from '../hardware/StripDriver.ts';
import { CallerBridge, type CallerBridgeOptions } from '../hardware/CallerBridge.ts';

/** The center's per-device config `device` (role, name, window); a window strip takes its window from it. */
const DeviceAssignmentSchema = z.object({ windowId: z.string().nullable().optional() }).loose();
/** The hall-wide `hall` config (the center's HallConfig); the board only needs the zone names, time zone and window labels. */
const HallZonesSchema = z
  .object({
    catalog: z
      .object({
        hall: z.object({ timeZone: z.string().optional(), i18n: NameTranslationsSchema.optional() }).loose().optional(),
        zones: z.array(z.object({ id: z.string(), name: z.string(), i18n: NameTranslationsSchema.optional() }).loose()),
      })
      .loose(),
    /** Optional: a hall definition of any version has windows, but a board reads only their labels. */
    windows: z.array(z.object({ id: z.string(), label: z.string().optional(), labelI18n: WindowLabelTranslationsSchema.optional() }).loose()).optional(),
  })
  .loose();

export interface CallerDisplayHostOptions {
  identity: DeviceIdentity;
  dataDir: string;
  /** A hall's own recordings (`<dir>/<lang>/<token>.<ext>`); default `<dataDir>/clips`. */
  clipsDir?: string;
  /** Used until the center sends this board's `board` config (e.g. the demo's layout). */
  localConfig?: Partial<BoardConfig>;
  logger?: Logger;
  /** Link options for tests (fast reconnect). */
  backoff?: { initialMs?: number; maxMs?: number };
  /** LED strips and keypad buses (issue 19): options for tests and the demo. */
  hardware?: { strip?: StripDriverOptions['strip']; bus?: CallerBridgeOptions['bus']; requestTimeoutMs?: number };
}

export class CallerDisplayHost {
  readonly bridge: BridgeHost<BoardContract>;
  readonly model: BoardModel;
  private readonly store: DeviceStore;
  private readonly lastSnapshot: LastSnapshot;
  private timeZone = 'Asia/Shanghai';
  readonly link: DeviceLink;
  private readonly logger: Logger;
  private localConfig: BoardConfig;
  private assignedWindow: string | null = null;
  private emitScheduled = false;
  private stopped = false;
  /** The LED strips and keypad buses the hall's definition gives this device (none by default). */
  readonly strips: StripDriver;
  readonly keypads: CallerBridge;
  /** Messages that changed the board, and duplicates ignored (health report). */
  readonly counts = { snapshots: 0, calls: 0, duplicateCalls: 0 };

  constructor(private readonly o: CallerDisplayHostOptions) {
    const id = o.identity;
    this.logger = o.logger ?? consoleLogger(`[caller-display:${id.deviceId}]`);
    mkdirSync(o.dataDir, { recursive: true });
    this.store = DeviceStore.open({ path: join(o.dataDir, `${id.deviceId}.db`), migrations: BOARD_MIGRATIONS, logger: this.logger });
    this.lastSnapshot = new LastSnapshot({ db: this.store.db, logger: this.logger });
    this.localConfig = BoardConfigSchema.parse(o.localConfig ?? {});
    this.model = new BoardModel({ deviceId: id.deviceId, hallId: id.hallId });
    this.link = new DeviceLink({
      store: this.store,
      url: id.mqttUrl,
      hallId: id.hallId,
      deviceId: id.deviceId,
      ...(id.username ? { username: id.username } : {}),
      ...(id.password ? { password: id.password } : {}),
      ...linkTls(id),
      logger: this.logger,
      ...(o.backoff ? { backoff: o.backoff } : {}),
      health: () => ({
        live: this.model.state().live, shown: this.model.state().calls.length, ...this.counts,
        ...(this.strips.windows.length ? { strips: this.strips.health() } : {}),
        ...(this.keypads.health().length ? { keypadBuses: this.keypads.health() } : {}),
        errors: [...this.strips.problems(), ...this.keypads.problems()],
      }),
    });
    const healthChanged = (): void => this.link.healthChanged();
    this.strips = new StripDriver({ deviceId: id.deviceId, logger: this.logger, onHealthChanged: healthChanged, ...(o.hardware?.strip ? { strip: o.hardware.strip } : {}) });
    this.keypads = new CallerBridge({
      deviceId: id.deviceId, link: this.link, logger: this.logger, onHealthChanged: healthChanged,
      ...(o.hardware?.bus ? { bus: o.hardware.bus } : {}), ...(o.hardware?.requestTimeoutMs ? { requestTimeoutMs: o.hardware.requestTimeoutMs } : {}),
    });
    this.link
      .onConfig('device', 'board', { schema: BoardConfigSchema })
      .onConfig('hall', 'notices', { schema: HallNoticeSchema })
      .onConfig('device', 'device', { schema: DeviceAssignmentSchema })
      .subscribeHall('snapshot', HallSnapshotSchema, (s) => {
        this.counts.snapshots++;
        if (this.model.applySnapshot(s)) {
          this.lastSnapshot.offer(s);
          this.changed();
        }
      })
      .subscribeHall('calls', CallMessageSchema, (c) => {
        const rev = this.model.revision;
        if (this.model.applyCall(c)) this.counts.calls++;
        else this.counts.duplicateCalls++;
        // A duplicate can still change the state: the first word from the center ends a restore.
        if (this.model.revision !== rev) this.changed();
      });
    this.link.on('connected', () => this.model.setLive(true) && this.changed());
    this.link.on('disconnected', () => this.model.setLive(false) && this.changed());
    this.link.on('config', () => this.applyStoredConfig());

    this.bridge = new BridgeHost(boardContract, {
      board: () => this.model.state(),
      hallClips: ({ lang }) => readHallClips(o.clipsDir ?? join(o.dataDir, 'clips'), lang, (l) => this.logger.info(l)),
      voiceLog: ({ key, outcome, detail }) => {
        if (outcome === 'failed') this.logger.warn('voice failed', { key, detail });
        else this.logger.debug(`voice ${outcome}`, { key, detail });
        return { ok: true as const };
      },
    });
    this.applyStoredConfig();
    const saved = this.lastSnapshot.load(this.timeZone);
    if (saved && this.model.restore(saved)) this.logger.info('showing the last saved snapshot until the center is reached', { at: saved.at });
  }

  start(): void {
    this.link.start();
    this.emitNow();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([this.strips.stop(), this.keypads.stop()]);
    await this.link.stop();
    this.lastSnapshot.flush();
    this.store.close();
  }

  /** Override the local default (demo, `?layout=` is handled by the renderer itself). */
  setLocalConfig(c: Partial<BoardConfig>): void {
    this.localConfig = BoardConfigSchema.parse(c);
    this.applyStoredConfig();
  }

  /** Remote care's reload-config: re-apply the last good configs from the board's store. */
  reloadConfig(): string[] {
    this.applyStoredConfig();
    return Object.keys(this.store.config.versions());
  }

  /** The center's config wins over the local default; a window strip's window comes from its assignment. */
  private applyStoredConfig(): void {
    const fromCenter = this.store.config.get('device', 'board')?.body;
    const parsed = fromCenter === undefined ? undefined : BoardConfigSchema.safeParse(fromCenter);
    let config = parsed?.success ? parsed.data : this.localConfig;
    const assignment = DeviceAssignmentSchema.safeParse(this.store.config.get('device', 'device')?.body);
    this.assignedWindow = (assignment.success ? assignment.data.windowId : null) ?? this.o.identity.windowId ?? null;
    if (config.windowId === null && this.assignedWindow) config = { ...config, windowId: this.assignedWindow };
    this.model.setConfig(config);
    const zones = HallZonesSchema.safeParse(this.store.config.get('hall', 'hall')?.body);
    if (zones.success) {
      const { hall, zones: list } = zones.data.catalog;
      this.model.setZoneNames(Object.fromEntries(list.map((z) => [z.id, z.name])), {
        zones: Object.fromEntries(list.flatMap((z) => (z.i18n ? [[z.id, z.i18n]] : []))),
        hall: hall?.i18n ?? null,
      });
      this.model.setWindowLabels(Object.fromEntries((zones.data.windows ?? []).flatMap((w) => (w.label ? [[w.id, { label: w.label, ...(w.labelI18n ? { labelI18n: w.labelI18n } : {}) }]] : []))));
      this.timeZone = zones.data.catalog.hall?.timeZone ?? this.timeZone;
      this.model.setTimeZone(this.timeZone);
    }
    const hall = this.store.config.get('hall', 'hall')?.body as { hardware?: unknown } | undefined;
    const hardware = HallHardwareSchema.safeParse(hall?.hardware ?? {});
    if (hardware.success) {
      this.strips.configure(hardware.data.ledStrips);
      this.keypads.configure(hardware.data.keypadBuses);
    } else this.logger.warn('the hall definition\'s hardware section is unreadable; strips and keypads unchanged', { issues: hardware.error.issues.length });
    const notice = HallNoticeSchema.safeParse(this.store.config.get('hall', 'notices')?.body);
    this.model.setHallNotice(notice.success ? notice.data.text : null);
    this.changed();
  }

  /** Coalesce: a burst of messages in one turn of the event loop becomes one state to the renderer. */
  private changed(): void {
    if (this.emitScheduled || this.stopped) return;
    this.emitScheduled = true;
    setImmediate(() => this.emitNow());
  }

  private emitNow(): void {
    this.emitScheduled = false;
    if (this.stopped) return;
    const state = this.model.state();
    this.bridge.emit('board', state);
    this.strips.update(state);
    this.keypads.update(state);
  }
}
