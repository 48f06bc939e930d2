// The evaluator pad's host: its SQLite record (DeviceStore + PromptBook), its link to the center
// (the retained `hall/window-{id}` message drives the screen), and the bridge its renderer calls.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { z } from 'zod';
import {
  BAD_REVIEW_REASON_IDS, EvaluationPolicySchema, WindowMessageSchema, windowTopicName,
  type EvaluationPolicy, type WindowMessage,
} from '@hallkit/core';
import { STAFF_RATING_REQUEST, StaffRatingResponseSchema } from '@hallkit/core/wire/staffRating';
import { consoleLogger, DeviceLink, DeviceStore, type DeviceLinkOptions, type Logger } from '@hallkit/sync';
import { BridgeHost, linkTls, type BridgeHandlers } from '@hallkit/host';
import { padContract, type PadContract, type PadView } from '../contract.ts';
import { PAD_MIGRATIONS } from './padMigrations.ts';
import { PadMemory } from './PadMemory.ts';
import { RatingRefused, PromptBook, ratingSecondsOf } from './PromptBook.ts';
import type { PadIdentity } from './identity.ts';

export interface EvaluatorHostOptions {
  identity: PadIdentity;
  dataDir: string;
  logger?: Logger;
  /** Extra DeviceLink settings (tests shorten ack timeouts and backoff). */
  link?: Partial<Omit<DeviceLinkOptions, 'store' | 'url' | 'hallId' | 'deviceId'>>;
  /** How often open prompts are checked against their deadline (default 250 ms). */
  lapseCheckMs?: number;
}

const StaffFiguresSchema = z.object({
  staffId: z.string(),
  month: z.string(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  photo: z.string().optional(),
  asOf: z.number(),
});
const PolicyMemorySchema = EvaluationPolicySchema.partial();
const HallConfigWithPolicy = z.object({ evaluation: EvaluationPolicySchema });
/** The hall's time zone in its definition: every time the pad shows is hall time, not the device's. */
const HallTimeZone = z.object({ catalog: z.object({ hall: z.object({ timeZone: z.string().min(1) }) }) });
const TimeZoneMemorySchema = z.string().min(1);

export class EvaluatorHost {
  readonly store: DeviceStore;
  readonly book: PromptBook;
  readonly link: DeviceLink;
  readonly bridge: BridgeHost<PadContract>;
  private readonly memory: PadMemory;
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private window: WindowMessage | undefined;

  constructor(private readonly o: EvaluatorHostOptions) {
    const id = o.identity;
    this.logger = o.logger ?? consoleLogger(`[evaluator:${id.deviceId}]`);
    mkdirSync(o.dataDir, { recursive: true });
    this.store = DeviceStore.open({ path: join(o.dataDir, `${id.deviceId}.db`), migrations: PAD_MIGRATIONS, logger: this.logger });
    this.memory = new PadMemory(this.store.db);
    this.book = new PromptBook(this.store, this.logger);
    this.window = this.memory.get('window', WindowMessageSchema);
    this.link = new DeviceLink({
      heartbeatMs: 30_000,
      ...o.link,
      store: this.store,
      url: id.mqttUrl,
      hallId: id.hallId,
      deviceId: id.deviceId,
      username: id.username,
      password: id.password,
      ...linkTls(id),
      logger: this.logger,
      health: () => ({ windowId: id.windowId, openPrompt: this.book.open()?.prompt.serviceId ?? null }),
    });
    this.link.subscribeHall(windowTopicName(id.windowId), WindowMessageSchema, (m) => this.onWindow(m));
    this.link.on('config', (c) => this.rememberPolicy(c.body));
    this.link.on('connected', () => void this.refreshStaffFigures());
    this.link.on('status', () => this.publish());
    this.link.on('acked', () => {
      this.publish();
      void this.refreshStaffFigures();
    });
    const handlers: BridgeHandlers<PadContract> = {
      view: () => this.view(),
      rate: ({ serviceId, level }) => {
        // A touch that raced the pause: the screen no longer invites, so nothing is recorded from it.
        if (this.window?.status === 'paused') throw new RatingRefused('rating-closed', 'the window is paused');
        const next = this.book.choose(serviceId, level);
        this.publish();
        return { next };
      },
      submitReasons: ({ serviceId, reasons, comment }) => {
        const next = this.book.submitReasons(serviceId, reasons, comment, this.policy().reasons);
        this.publish();
        return { next };
      },
    };
    this.bridge = new BridgeHost(padContract, handlers, (l) => this.logger.info(`bridge: ${l}`));
  }

  /** Re-apply the last good configs from the device's store (start, and remote care's reload-config). */
  reloadConfig(): string[] {
    const keys = Object.keys(this.store.config.versions());
    for (const key of keys) {
      const [scope, kind] = key.split(':') as ['hall' | 'device', string];
      const c = this.store.config.get(scope, kind);
      if (c) this.rememberPolicy(c.body);
    }
    return keys;
  }

  start(): void {
    // Configs applied in an earlier run (the link only announces new versions).
    this.reloadConfig();
    // A prompt open when the pad stopped (or was killed) resumes, or is recorded as not rated if its time ran out.
    const lapsed = this.book.lapseDue();
    const open = this.book.open();
    this.logger.info('pad started', { windowId: this.o.identity.windowId, lapsedAtStart: lapsed, resumed: open?.prompt.serviceId ?? null });
    this.timer = setInterval(() => {
      try {
        if (this.book.lapseDue() > 0) this.publish();
      } catch (e) {
        this.logger.error('lapse check failed', { error: (e as Error).message });
      }
    }, this.o.lapseCheckMs ?? 250);
    this.link.start();
    this.publish();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.link.stop();
    this.store.close();
  }

  /**
   * A window message that reached the pad by another way than MQTT (test hook of serve.ts, for a pad
   * cut off from the broker). Validated like one from the link; returns false when it does not fit.
   */
  receiveWindowMessage(body: unknown): boolean {
    const r = WindowMessageSchema.safeParse(body);
    if (!r.success) {
      this.logger.warn('malformed window message refused');
      return false;
    }
    this.onWindow(r.data);
    return true;
  }

  private onWindow(m: WindowMessage): void {
    if (m.windowId !== this.o.identity.windowId) return this.logger.warn('window message for another window ignored', { windowId: m.windowId });
    const prev = this.window;
    if (prev && m.eventCount < prev.eventCount) return this.logger.info('older window message ignored', { eventCount: m.eventCount, shown: prev.eventCount });
    this.window = m;
    this.memory.put('window', m);
    if (m.evaluation) {
      if (m.evaluation.windowId !== m.windowId) this.logger.warn('prompt names another window; ignored', { serviceId: m.evaluation.serviceId });
      else {
        const outcome = this.book.offer(m.evaluation);
        if (outcome !== 'duplicate') this.logger.info('rating prompt', { serviceId: m.evaluation.serviceId, outcome });
      }
    }
    if (m.staff && m.staff.id !== prev?.staff?.id) void this.refreshStaffFigures();
    this.publish();
  }

  private rememberPolicy(body: unknown): void {
    const zone = HallTimeZone.safeParse(body);
    if (zone.success) this.memory.put('timeZone', zone.data.catalog.hall.timeZone);
    const full = HallConfigWithPolicy.safeParse(body);
    const direct = EvaluationPolicySchema.safeParse(body);
    const policy = full.success ? full.data.evaluation : direct.success ? direct.data : undefined;
    if (!policy) return;
    this.memory.put('policy', policy);
    this.publish();
  }

  private policy(): Pick<EvaluationPolicy, 'reasons' | 'laterRatingDays'> {
    const p = this.memory.get('policy', PolicyMemorySchema);
    const reasons = (p?.reasons ?? BAD_REVIEW_REASON_IDS).filter((r) => (BAD_REVIEW_REASON_IDS as string[]).includes(r));
    return { reasons: reasons.length > 0 ? reasons : [...BAD_REVIEW_REASON_IDS], laterRatingDays: p?.laterRatingDays ?? 7 };
  }

  /** Ask the center for the staff member's month-to-date figures; keep the last answer for offline. */
  private async refreshStaffFigures(): Promise<void> {
    try {
      await this.fetchStaffFigures();
    } catch (e) {
      this.logger.warn('staff figures request failed', { error: (e as Error).message });
    }
  }

  private async fetchStaffFigures(): Promise<void> {
    const staff = this.window?.staff;
    if (!staff) return;
    const r = await this.link.request(STAFF_RATING_REQUEST, { v: 1, staffId: staff.id }, { timeoutMs: 5000, schema: StaffRatingResponseSchema });
    if (!r.ok) return this.logger.debug('staff figures not refreshed', { reason: r.reason });
    if (!r.body.ok) return this.logger.info('staff figures refused', { code: r.body.code });
    const { staffId, month, rated, satisfied, photo } = r.body;
    this.memory.put(`staff:${staffId}`, { staffId, month, rated, satisfied, ...(photo ? { photo } : {}), asOf: Date.now() });
    this.publish();
  }

  view(): PadView {
    const id = this.o.identity;
    const w = this.window;
    // A paused window invites no rating: the citizen at the counter is not being served. A citizen
    // already giving reasons for a 差评 finishes; an untouched prompt lapses by its own clock.
    const book = this.book.open();
    const open = book && (w?.status !== 'paused' || book.state === 'reasons') ? book : undefined;
    const staffId = w?.staff?.id;
    const status = this.link.status();
    const policy = this.policy();
    return {
      v: 1,
      window: {
        windowId: id.windowId,
        windowNumber: w?.windowNumber ?? null,
        status: w?.status ?? 'unknown',
        staff: w?.staff ?? null,
        currentTicket: w?.currentTicket ?? null,
      },
      staffRating: staffId ? (this.memory.get(`staff:${staffId}`, StaffFiguresSchema) ?? null) : null,
      prompt: open
        ? {
            serviceId: open.prompt.serviceId,
            ticketId: open.prompt.ticketId,
            number: open.prompt.number,
            itemName: open.prompt.itemName,
            categoryName: open.prompt.categoryName,
            ...(open.prompt.itemNameI18n ? { itemNameI18n: open.prompt.itemNameI18n } : {}),
            ...(open.prompt.categoryNameI18n ? { categoryNameI18n: open.prompt.categoryNameI18n } : {}),
            staffId: open.prompt.staffId,
            staffName: open.prompt.staffName,
            phase: open.state === 'reasons' ? 'reasons' : 'choose',
            level: open.level,
            deadlineAt: open.deadlineAt,
            ratingSeconds: ratingSecondsOf(open.prompt),
          }
        : null,
      reasons: policy.reasons,
      laterRatingDays: policy.laterRatingDays,
      link: { online: status.connected, backlog: status.backlog.events },
      timeZone: this.memory.get('timeZone', TimeZoneMemorySchema) ?? 'Asia/Shanghai',
    };
  }

  private publish(): void {
    try {
      this.bridge.emit('view', this.view());
    } catch (e) {
      this.logger.error('view not published', { error: (e as Error).message });
    }
  }
}
