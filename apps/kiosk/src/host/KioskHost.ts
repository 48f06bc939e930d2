// The kiosk's device host: devices, the local store and MQTT link, the ticket counter, and the
// bridge handlers the renderer calls. The same class runs in Electron's main process and behind a
// LoopbackServer for a plain Chromium.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { REQUEUE_REQUEST, TicketRequeueResponseSchema, ticketTokenOf, APPOINTMENT_REQUESTS, checkIdDocument, maskIdNumber, AppointmentCheckInResponseSchema, CaseLookupResponseSchema, HallConfigSchema, defaultGreenChannelPolicy, priorityForAge, hallLocalTime, HallSnapshotSchema, plainCalendar, type Catalog, type HallConfig, type HallSnapshot, type WorkingCalendar } from '@hallkit/core';
import { DeviceLink, DeviceStore, type Logger } from '@hallkit/sync';
import { BridgeHost, linkTls, type BridgeHandlers } from '@hallkit/host';
import { kioskContract, type IssuedTicket, type KioskContract, type KioskState, type PrintOutcome } from '../contract.ts';
import type { DeviceIdentity } from './identity.ts';
import { KioskDevices, type KioskDeviceAddresses } from './devices/KioskDevices.ts';
import { deviceProblems } from './devices/deviceProblems.ts';
import { TicketCounter, TicketRefusedError, type LocalTicket } from './tickets/TicketCounter.ts';
import { KIOSK_MIGRATIONS } from './tickets/migrations.ts';
import { storageProblemText, type StorageFailure } from './tickets/storageFailure.ts';
import { CardSessions } from './CardSessions.ts';
import { kioskVoice, type Voice } from './voice/Voice.ts';
import { voiceGuidance } from './voice/voiceGuidance.ts';
import { TechnicianDesk } from './technician/TechnicianDesk.ts';
import { appointmentCode, receiptCodeOf } from './scannedCodes.ts';
import { firstStartCatalog, KioskSettingsSchema, type KioskSettings } from './kioskSettings.ts';
import { caseSlip, type Language } from './slips.ts';
import { checkInOutcome } from './checkInOutcome.ts';
import { ticketOnScreen, ticketSlip } from './tickets/ticketViews.ts';
import { hallOnScreen } from './hallOnScreen.ts';
import { citizenHandlers } from './citizens/citizenHandlers.ts';
import { DoorPoster } from './citizens/DoorPoster.ts';

export interface KioskHostOptions {
  identity: DeviceIdentity;
  dataDir: string;
  devices: KioskDeviceAddresses;
  /** Technician PIN until the center sends one. */
  technicianPin: string;
  /** Elder age and idle timeout until the center sends a `kiosk` config (tests shorten the timeout). */
  defaults?: { elderAge?: number; idleSeconds?: number };
  voice?: Voice;
  /** How long a citizen waits for the center before the offline block is used. */
  issueTimeoutMs?: number;
  heartbeatMs?: number;
  logger?: Logger;
  now?: () => Date;
}

export class KioskHost {
  readonly bridge: BridgeHost<KioskContract>;
  readonly store: DeviceStore;
  readonly link: DeviceLink;
  readonly devices: KioskDevices;
  readonly counter: TicketCounter;
  readonly voice: Voice;
  private readonly cards = new CardSessions();
  private snapshot: HallSnapshot | undefined;
  private readonly technician: TechnicianDesk;
  private readonly log: (line: string) => void;
  private readonly now: () => Date;
  private emitTimer: NodeJS.Timeout | undefined;
  private definitionCache: HallConfig | undefined;
  private catalogVersion = -2;
  private stopped = false;
  /**
   * The broker can be up while the center is not (an external broker): the kiosk then counts the
   * center as away after a request goes unanswered, and back when it answers, acks or publishes.
   */
  private centerReachable = true;
  private topUpTimer: NodeJS.Timeout | undefined;
  private readonly door: DoorPoster;
  /** The kiosk's file refused a ticket (disk full…): on the fleet view until a ticket is kept again. */
  private storageProblem: StorageFailure | undefined;
  /** Tickets whose slip did not print here (told to the center; a working reprint clears it). */
  private readonly unprinted = new Set<string>();

  constructor(private readonly o: KioskHostOptions) {
    const id = o.identity;
    this.now = o.now ?? (() => new Date());
    this.log = (l) => (o.logger ? o.logger.info(l) : console.error(`[kiosk:${id.deviceId}] ${l}`));
    mkdirSync(o.dataDir, { recursive: true });
    this.store = DeviceStore.open({ path: join(o.dataDir, `${id.deviceId}.db`), migrations: KIOSK_MIGRATIONS, ...(o.logger ? { logger: o.logger } : {}) });
    this.voice = o.voice ?? kioskVoice(this.log);
    this.devices = new KioskDevices(o.devices, { timeZone: this.catalog().hall.timeZone, log: this.log });
    this.link = new DeviceLink({
      store: this.store,
      url: id.mqttUrl,
      hallId: id.hallId,
      deviceId: id.deviceId,
      ...(id.username ? { username: id.username } : {}),
      ...(id.password ? { password: id.password } : {}),
      ...linkTls(id),
      heartbeatMs: o.heartbeatMs ?? 30_000,
      health: () => ({ v: 1, devices: this.devices.health(), printer: this.devices.printer?.status ?? null, errors: [...deviceProblems(this.devices.health(), { reader: this.devices.reader?.fault ?? null }), ...(this.storageProblem ? [storageProblemText(this.storageProblem)] : [])] }),
      backoff: { initialMs: 200, maxMs: 3000 },
      ...(o.logger ? { logger: o.logger } : {}),
    });
    this.link
      .onConfig('hall', 'hall', { schema: HallConfigSchema })
      .onConfig('device', 'kiosk', { schema: KioskSettingsSchema })
      .subscribeHall('snapshot', HallSnapshotSchema, (s) => {
        if (this.snapshot && s.eventCount < this.snapshot.eventCount && s.at < this.snapshot.at) return;
        this.snapshot = s;
        this.centerAnswered(true);
        this.emitState();
      });
    this.counter = new TicketCounter({
      store: this.store,
      center: this.link,
      deviceId: id.deviceId,
      catalog: () => this.catalog(),
      calendar: () => this.calendar(),
      publicUrl: id.centerHttp,
      // Once the center is known to be away, a citizen waits less for it before the offline block.
      issueTimeoutMs: () => (this.centerReachable ? (o.issueTimeoutMs ?? 1500) : 500),
      now: this.now,
      log: this.log,
      onCenterAnswer: (answered) => this.centerAnswered(answered),
      onStorageFailure: (f) => {
        this.storageProblem = f;
        this.link.healthChanged();
      },
      waitingNow: (c) => {
        const t = this.snapshot?.categories.find((x) => x.id === c);
        return t ? { waiting: t.waiting, minutes: t.estimatedWaitMinutes } : undefined;
      },
    });
    this.technician = new TechnicianDesk({
      identity: id,
      pin: () => this.settings().technicianPin,
      devices: this.devices,
      link: this.link,
      counter: this.counter,
      categoryIds: () => this.catalog().categories.map((c) => c.id),
      reloadConfig: () => this.reloadConfig(),
      now: this.now,
      log: this.log,
    });
    this.bridge = new BridgeHost(kioskContract, this.handlers(), this.log);
    this.door = new DoorPoster(this.link, () => this.emitState(), () => this.now().getTime());
  }

  async start(): Promise<void> {
    this.devices.on('change', () => {
      this.emitState();
      // The center sees printer/reader/scanner trouble at once, not at the next heartbeat; the
      // telemetry keeps the history of it.
      this.link.healthChanged();
      this.link.recordTelemetry({ v: 1, kind: 'devices', ...this.devices.health() }, 'devices');
    });
    this.devices.on('card', (card) => {
      const timeZone = this.catalog().hall.timeZone;
      // One rule with the phone pages (@hallkit/core checkIdDocument): a wrong check character, an
      // impossible birth date or an expired card is refused in plain words, never given a ticket.
      const check = checkIdDocument(card, hallLocalTime(this.now().getTime(), timeZone).day);
      if (!check.ok) {
        this.log(`card refused (${check.problem}): ${card.kind} ${maskIdNumber(card.idNumber)}`);
        this.bridge.emit('cardRefused', { problem: check.problem, at: Date.now() });
        return;
      }
      const s = this.cards.open(card, timeZone);
      this.log(`card read ${s.maskedNumber}`);
      this.bridge.emit('card', { session: s.session, maskedNumber: s.maskedNumber, greetingName: s.greetingName, age: s.age, elder: s.age !== null && s.age >= this.settings().elderAge, at: Date.now() });
    });
    this.devices.on('cardError', () => this.bridge.emit('cardError', { at: Date.now() }));
    this.devices.on('scan', (code) => this.bridge.emit('scan', { code, at: Date.now() }));
    this.link.on('status', () => this.emitState());
    // An ack means the center took our events: it is there, whatever the requests said.
    this.link.on('acked', () => this.centerAnswered(true));
    this.link.on('disconnected', () => this.centerAnswered(false));
    this.link.on('config', (c) => {
      // The link has schema-checked the new definition and stored it: take it as it is rather than
      // reading back and checking the same 250 KB again (a save reached every kiosk twice as slowly).
      if (c.scope === 'hall' && c.kind === 'hall') {
        this.definitionCache = c.body as HallConfig;
        this.catalogVersion = c.version;
      }
      this.emitState();
    });
    this.link.on('connected', () => {
      void this.counter.topUp();
      // Withdrawals left from before a restart or a cut-off go now.
      void this.counter.withdrawals.send();
      // The door code for the idle screen (then again each time it changes).
      void this.door.refresh();
    });
    this.emitState();
    this.link.start();
    await this.devices.start();
    this.topUpTimer = setInterval(() => {
      if (this.link.status().connected) void this.counter.topUp();
    }, 60_000);
    this.topUpTimer.unref();
  }

  /** Remote care's reload-config (issue 9): top up offline number blocks and re-send the state; the kinds running. */
  async reloadConfig(): Promise<string[]> {
    await this.counter.topUp();
    this.emitState();
    return Object.keys(this.link.status().config);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.door.stop();
    this.voice.stop?.();
    clearInterval(this.topUpTimer);
    clearTimeout(this.emitTimer);
    this.counter.withdrawals.stop();
    await this.devices.stop();
    await this.link.stop();
    this.store.close();
  }

  /** The hall definition in force here: the newest version the center published (applied live, no restart). */
  private definition(): HallConfig | undefined {
    const version = this.store.config.version('hall', 'hall');
    if (version !== this.catalogVersion) {
      const parsed = HallConfigSchema.safeParse(this.store.config.get('hall', 'hall')?.body);
      if (parsed.success) this.definitionCache = parsed.data;
      else if (this.store.config.get('hall', 'hall')) this.log(`hall definition v${version} unreadable: keeping the last good one`);
      this.catalogVersion = version;
    }
    return this.definitionCache;
  }

  catalog(): Catalog {
    return this.definition()?.catalog ?? firstStartCatalog(this.o.identity.hallId);
  }

  calendar(): WorkingCalendar {
    return this.definition()?.calendar ?? plainCalendar;
  }

  settings(): KioskSettings {
    const stored = this.store.config.get('device', 'kiosk');
    const parsed = stored ? KioskSettingsSchema.safeParse(stored.body) : undefined;
    return parsed?.success ? parsed.data : { v: 1, technicianPin: this.o.technicianPin, elderAge: this.o.defaults?.elderAge ?? 65, idleSeconds: this.o.defaults?.idleSeconds ?? 60 };
  }

  state(): KioskState {
    const status = this.link.status();
    return {
      v: 1,
      ...hallOnScreen(this.catalog(), this.snapshot, this.calendar(), this.now()),
      devices: this.devices.health(),
      centerOnline: status.connected && this.centerReachable,
      backlog: status.backlog.events,
      elderAge: this.settings().elderAge,
      idleSeconds: this.settings().idleSeconds,
      snapshotAt: this.snapshot?.at ?? null,
      door: this.door.shown(),
    };
  }

  private centerAnswered(answered: boolean): void {
    if (answered === this.centerReachable) return;
    this.centerReachable = answered;
    this.log(answered ? 'center reachable again' : 'center unreachable: issuing from the offline number block');
    this.emitState();
  }

  /** Coalesced: a burst of snapshots and status changes becomes one event per 100 ms. */
  private emitState(): void {
    if (this.emitTimer || this.stopped) return;
    this.emitTimer = setTimeout(() => {
      this.emitTimer = undefined;
      this.bridge.emit('state', this.state());
    }, 100);
    this.emitTimer.unref();
  }

  private issued(t: LocalTicket): IssuedTicket {
    return ticketOnScreen(t, this.catalog());
  }

  async printTicket(t: LocalTicket, lang: Language): Promise<PrintOutcome> {
    const outcome = await this.printSlip(t, lang);
    this.recordPrint(t, outcome);
    return outcome;
  }

  /**
   * The center marks a ticket whose slip could not be printed (staff see it when they call it), and
   * unmarks it when a reprint works. It travels in the outbox, after the ticket's own event.
   */
  private recordPrint(t: LocalTicket, outcome: PrintOutcome): void {
    if (outcome.ok && !this.unprinted.has(t.ticketId)) return;
    try {
      this.store.append({
        type: 'TicketPrinted',
        v: 1,
        at: this.now().toISOString(),
        ticketId: t.ticketId,
        by: this.o.identity.deviceId,
        printed: outcome.ok,
        ...(outcome.ok ? {} : { problem: outcome.reason }),
      });
      if (outcome.ok) this.unprinted.delete(t.ticketId);
      else this.unprinted.add(t.ticketId);
    } catch (e) {
      this.log(`could not record the print outcome of ${t.number}: ${(e as Error).message}`);
    }
  }

  private printSlip(t: LocalTicket, lang: Language): Promise<PrintOutcome> {
    return this.devices.printTicket(ticketSlip(t, this.catalog(), lang));
  }

  private handlers(): BridgeHandlers<KioskContract> {
    return {
      takeTicket: async ({ categoryId, itemId, cardSession, language }) => {
        const card = this.cards.get(cardSession);
        let t: LocalTicket;
        try {
          // 绿色通道 by the hall's policy: the age comes from the card on this kiosk's reader.
          const priority = card ? priorityForAge(this.definition()?.greenChannel ?? defaultGreenChannelPolicy, card.age) : 'normal';
          t = await this.counter.issue({ categoryId, ...(itemId ? { itemId } : {}), source: card ? 'id-card' : 'on-site', priority, ...(card ? { maskedId: card.maskedNumber } : {}) });
        } catch (e) {
          if (e instanceof TicketRefusedError) throw Object.assign(new Error(e.message), { code: e.code });
          throw e;
        }
        if (this.storageProblem) {
          this.storageProblem = undefined;
          this.link.healthChanged();
        }
        const print = await this.printTicket(t, language);
        return { ticket: this.issued(t), print };
      },
      reprintTicket: async ({ ticketId, language }) => {
        const t = this.counter.ticket(ticketId);
        if (!t) throw Object.assign(new Error(`no ticket ${ticketId} on this kiosk`), { code: 'not-found' });
        return this.printTicket(t, language);
      },
      checkIn: async ({ code, cardSession, language }) => {
        const card = this.cards.get(cardSession);
        if (!code && !card) return { ok: false, reason: 'not-found' };
        // Exactly one of the two: a scanned or typed code wins over the card on the reader.
        const body = code ? { v: 1, code: appointmentCode(code) } : { v: 1, idNumber: card?.idNumber };
        const r = await this.link.request(APPOINTMENT_REQUESTS.checkIn, body, { timeoutMs: 4000, schema: AppointmentCheckInResponseSchema });
        this.centerAnswered(r.ok || r.reason === 'rejected');
        if (!r.ok) return { ok: false, reason: r.reason === 'rejected' ? 'error' : 'center-offline' };
        const outcome = checkInOutcome(r.body);
        if (!outcome.ok) return outcome;
        const t: LocalTicket = {
          ticketId: outcome.ticket.ticketId,
          number: outcome.ticket.number,
          categoryId: outcome.ticket.categoryId,
          itemId: outcome.itemId,
          priority: 'appointment',
          peopleAhead: outcome.ticket.peopleAhead,
          estimatedWaitMinutes: outcome.ticket.estimatedWaitMinutes,
          followUrl: outcome.ticket.followUrl,
          issuedAt: outcome.ticket.issuedAt,
          offline: false,
        };
        const print = await this.printTicket(t, language);
        return { ok: true, ticket: this.issued(t), print, slot: outcome.slot };
      },
      requeueTicket: async ({ code }) => {
        const token = ticketTokenOf(code);
        if (!token) return { ok: false, reason: 'not-found' };
        const r = await this.link.request(REQUEUE_REQUEST, { v: 1, token }, { timeoutMs: 4000, schema: TicketRequeueResponseSchema });
        this.centerAnswered(r.ok || r.reason === 'rejected');
        if (!r.ok) return { ok: false, reason: r.reason === 'rejected' ? 'error' : 'center-offline' };
        if (r.body.ok) return { ok: true, number: r.body.number, peopleAhead: r.body.peopleAhead, estimatedWaitMinutes: r.body.estimatedWaitMinutes, placement: r.body.placement };
        const reason = REQUEUE_REFUSALS[r.body.code] ?? 'error';
        this.log(`re-queue refused: ${r.body.code}`);
        return { ok: false, reason, ...(r.body.number ? { number: r.body.number } : {}) };
      },
      ...citizenHandlers(this.link, (answered) => this.centerAnswered(answered), this.log),
      lookupCase: async ({ receiptCode, cardSession }) => {
        const card = this.cards.get(cardSession);
        if (!receiptCode && !card) return { ok: false, reason: 'not-found' };
        const body = receiptCode ? { v: 1, receiptCode: receiptCodeOf(receiptCode) } : { v: 1, idNumber: card?.idNumber };
        const r = await this.link.request(APPOINTMENT_REQUESTS.caseLookup, body, { timeoutMs: 4000, schema: CaseLookupResponseSchema });
        this.centerAnswered(r.ok || r.reason === 'rejected');
        if (!r.ok) return { ok: false, reason: r.reason === 'rejected' ? 'error' : 'center-offline' };
        if (!r.body.ok) return { ok: false, reason: 'error' };
        if (r.body.cases.length === 0) return { ok: false, reason: 'not-found' };
        return { ok: true, cases: r.body.cases };
      },
      printCase: async ({ receiptCode, language }) => {
        const r = await this.link.request(APPOINTMENT_REQUESTS.caseLookup, { v: 1, receiptCode: receiptCodeOf(receiptCode) }, { timeoutMs: 4000, schema: CaseLookupResponseSchema });
        const c = r.ok && r.body.ok ? r.body.cases[0] : undefined;
        if (!c) throw Object.assign(new Error('case not available'), { code: r.ok ? 'not-found' : 'center-offline' });
        return this.devices.printSlip(caseSlip(c, language, this.catalog().hall.timeZone));
      },
      ...voiceGuidance(this.voice),
      endSession: ({ cardSession }) => {
        this.cards.end(cardSession);
        return { ok: true };
      },
      ...this.technician.handlers(),
    };
  }
}

/** The center's refusal codes of a re-queue, as the kiosk says them. */
const REQUEUE_REFUSALS: Record<string, 'not-no-show' | 'too-late' | 'not-allowed' | 'not-found'> = {
  'ticket-not-no-show': 'not-no-show',
  'late-arrival-too-late': 'too-late',
  'late-arrival-not-allowed': 'not-allowed',
  'not-found': 'not-found',
};
