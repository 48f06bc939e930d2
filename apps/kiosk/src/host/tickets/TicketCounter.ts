// Where the kiosk's tickets come from: the center while it answers (`ticket.issue`), the kiosk's own
// leased number block when it does not. An offline ticket is written to the local ticket table and
// the outbox in one transaction, so it reaches the center exactly once when the link comes back.
import { randomBytes } from 'node:crypto';
import {
  DispenserNumbering,
  formatTicketNumber,
  hallLocalTime,
  isCategoryOpen,
  plainCalendar,
  NumbersLeaseResponseSchema,
  ticketId as makeTicketId,
  TICKET_REQUESTS,
  TicketIssueResponseSchema,
  type Catalog,
  type WorkingCalendar,
  type HallEvent,
  type NumberBlock,
  type PriorityClass,
  type TicketSource,
} from '@hallkit/core';
import type { DeviceStore, RequestOutcome } from '@hallkit/sync';
import type { z } from 'zod';
import { Withdrawals } from './Withdrawals.ts';
import { storageFailureOf, type StorageFailure } from './storageFailure.ts';

/** The part of DeviceLink the counter uses (a request that never throws). */
export interface CenterRequester {
  request<S extends z.ZodType>(name: string, body: unknown, opts: { timeoutMs?: number; schema?: S }): Promise<RequestOutcome<z.infer<S>>>;
}

export interface TicketRequest {
  categoryId: string;
  itemId?: string;
  source: TicketSource;
  priority: PriorityClass;
  maskedId?: string;
}

export interface LocalTicket {
  ticketId: string;
  number: string;
  categoryId: string;
  itemId: string | undefined;
  priority: PriorityClass;
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
  followUrl: string;
  issuedAt: string;
  offline: boolean;
}

export class TicketRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface TicketCounterOptions {
  store: DeviceStore;
  center: CenterRequester;
  deviceId: string;
  catalog: () => Catalog;
  /** The hall's holidays and 调休 working weekends (from the hall definition); unset: plain weeks. */
  calendar?: () => WorkingCalendar;
  /** Base of the follow URL printed on offline tickets (the center's public address). */
  publicUrl: string;
  /** How long a citizen waits for the center before the kiosk issues from its own block. */
  issueTimeoutMs?: number | (() => number);
  /** Keep at least this many offline numbers per open category; lease more below it. */
  lowWater?: number;
  now?: () => Date;
  /** Live counts from the last snapshot, for the people-ahead line of an offline ticket. */
  waitingNow?: (categoryId: string) => { waiting: number; minutes: number | null } | undefined;
  log?: (line: string) => void;
  /** Told whether the center answered a request (the kiosk's offline mark follows it). */
  onCenterAnswer?: (answered: boolean) => void;
  /** Told when the kiosk's file refused a ticket (disk full, failing card): the fleet view shows it. */
  onStorageFailure?: (f: StorageFailure) => void;
}

export class TicketCounter {
  private numbering = new DispenserNumbering();
  private readonly insertTicket;
  private readonly insertLease;
  private leasing = new Set<string>();
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  readonly withdrawals: Withdrawals;

  constructor(private readonly o: TicketCounterOptions) {
    const db = o.store.db;
    this.insertTicket = db.prepare(
      `INSERT INTO kiosk_tickets (ticket_id, number, seq, day, category_id, item_id, priority, offline, issued_at, follow_url, people_ahead, estimated_wait)
       VALUES (@ticketId, @number, @seq, @day, @categoryId, @itemId, @priority, @offline, @issuedAt, @followUrl, @peopleAhead, @estimatedWait)
       ON CONFLICT (ticket_id) DO NOTHING`,
    );
    this.insertLease = db.prepare(
      'INSERT OR IGNORE INTO kiosk_leases (block_id, category_id, day, issuer_id, from_seq, to_seq) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.now = o.now ?? (() => new Date());
    this.log = o.log ?? ((l) => console.error(`[kiosk:tickets] ${l}`));
    this.withdrawals = new Withdrawals(o.store, o.center, this.log);
    this.reload();
  }

  /** A write to the file failed: withdraw what the center may hold for it and say so in plain words. */
  private storageRefusal(e: unknown): TicketRefusedError | undefined {
    const f = storageFailureOf(e);
    if (!f) return undefined;
    this.log(`ticket not recorded: the kiosk's file refused the write (${(e as { code?: string }).code})`);
    this.o.onStorageFailure?.(f);
    return new TicketRefusedError(f, f === 'storage-full' ? 'the kiosk storage is full' : 'the kiosk storage failed');
  }

  /** Rebuild the numbering from the file (leases and the offline numbers already used). */
  private reload(): void {
    const db = this.o.store.db;
    const leases = db.prepare('SELECT block_id AS blockId, category_id AS categoryId, day, issuer_id AS issuerId, from_seq AS "from", to_seq AS "to" FROM kiosk_leases').all() as NumberBlock[];
    const used = db.prepare('SELECT category_id AS categoryId, day, seq FROM kiosk_tickets WHERE offline = 1').all() as { categoryId: string; day: string; seq: number }[];
    this.numbering = new DispenserNumbering(leases, used);
  }

  private today(): string {
    return hallLocalTime(this.now(), this.o.catalog().hall.timeZone).day;
  }

  remaining(categoryId: string): number {
    return this.numbering.remaining(categoryId, this.today());
  }

  /** A ticket from the center if it answers in time, otherwise from this kiosk's block. */
  async issue(req: TicketRequest): Promise<LocalTicket> {
    const cat = this.o.catalog().categories.find((c) => c.id === req.categoryId);
    if (!cat) throw new TicketRefusedError('unknown-category', `no category ${req.categoryId}`);
    // The request's own id: the center issues at most once for it, and never once it is withdrawn.
    const requestId = randomBytes(16).toString('base64url');
    const body = {
      v: 1,
      requestId,
      categoryId: req.categoryId,
      ...(req.itemId ? { itemId: req.itemId } : {}),
      source: req.source,
      priority: req.priority,
      ...(req.maskedId ? { idCard: { maskedNumber: req.maskedId } } : {}),
    };
    const r = await this.o.center.request(TICKET_REQUESTS.issue, body, { timeoutMs: typeof this.o.issueTimeoutMs === 'function' ? this.o.issueTimeoutMs() : (this.o.issueTimeoutMs ?? 1500), schema: TicketIssueResponseSchema });
    this.o.onCenterAnswer?.(r.ok);
    if (!r.ok) {
      this.log(`center did not answer ticket.issue (${r.reason}: ${r.error}); issuing from the offline block`);
      // Sent but unanswered: the center may still answer it late. Withdrawn first (written before
      // the offline ticket), so the center never keeps a ticket nobody holds.
      if (r.reason !== 'offline') this.withdrawals.add(requestId, this.now().toISOString());
      return this.issueOffline(req);
    }
    if (r.body.ok) {
      const t: LocalTicket = {
        ticketId: r.body.ticketId,
        number: r.body.number,
        categoryId: r.body.categoryId,
        itemId: req.itemId,
        priority: req.priority,
        peopleAhead: r.body.peopleAhead,
        estimatedWaitMinutes: r.body.estimatedWaitMinutes,
        followUrl: r.body.followUrl,
        issuedAt: r.body.issuedAt,
        offline: false,
      };
      try {
        this.record(t, seqOf(t.number, cat.prefix));
      } catch (e) {
        // Not kept here, not printed: the center's ticket must not wait in the line for nobody.
        this.withdrawals.add(requestId, this.now().toISOString());
        throw this.storageRefusal(e) ?? e;
      }
      return t;
    }
    throw new TicketRefusedError(r.body.code, r.body.message);
  }

  /** Issue from this kiosk's leased block; the TicketIssued event goes to the outbox with the record. */
  issueOffline(req: TicketRequest): LocalTicket {
    const catalog = this.o.catalog();
    const cat = catalog.categories.find((c) => c.id === req.categoryId);
    if (!cat) throw new TicketRefusedError('unknown-category', `no category ${req.categoryId}`);
    const at = this.now();
    const local = hallLocalTime(at, catalog.hall.timeZone);
    if (!isCategoryOpen(cat, local, this.o.calendar?.() ?? plainCalendar)) throw new TicketRefusedError('category-closed', `${cat.name} is not open now`);
    const seq = this.numbering.peek(cat.id, local.day);
    if (seq === null) throw new TicketRefusedError('no-offline-numbers', `no offline numbers left for ${cat.id}`);
    const number = formatTicketNumber(cat.prefix, seq);
    const id = makeTicketId(local.day, number);
    const live = this.o.waitingNow?.(cat.id);
    // The phone follows an offline ticket with a token the kiosk makes; it travels with the event.
    const followToken = randomBytes(16).toString('base64url');
    const t: LocalTicket = {
      ticketId: id,
      number,
      categoryId: cat.id,
      itemId: req.itemId,
      priority: req.priority,
      peopleAhead: live?.waiting ?? 0,
      estimatedWaitMinutes: live?.minutes ?? null,
      followUrl: `${this.o.publicUrl.replace(/\/$/, '')}/m/t/${followToken}`,
      issuedAt: at.toISOString(),
      offline: true,
    };
    const event: HallEvent = {
      type: 'TicketIssued',
      v: 1,
      at: t.issuedAt,
      ticketId: id,
      number,
      seq,
      day: local.day,
      categoryId: cat.id,
      ...(req.itemId ? { itemId: req.itemId } : {}),
      source: req.source,
      priority: req.priority,
      issuerId: this.o.deviceId,
      offline: true,
      followToken,
    };
    try {
      this.o.store.transaction((tx) => {
        this.insertTicket.run(row(t, seq, local.day));
        tx.append(event);
      });
    } catch (e) {
      throw this.storageRefusal(e) ?? e;
    }
    this.numbering.take(cat.id, local.day);
    this.log(`offline ticket ${number} issued from the kiosk's block (${this.remaining(cat.id)} left)`);
    void this.topUp();
    return t;
  }

  private record(t: LocalTicket, seq: number): void {
    this.insertTicket.run(row(t, seq, t.ticketId.split('/')[0] ?? this.today()));
  }

  ticket(ticketIdValue: string): LocalTicket | undefined {
    const r = this.o.store.db.prepare('SELECT * FROM kiosk_tickets WHERE ticket_id = ?').get(ticketIdValue) as Record<string, unknown> | undefined;
    if (!r) return undefined;
    return {
      ticketId: String(r.ticket_id),
      number: String(r.number),
      categoryId: String(r.category_id),
      itemId: r.item_id === null ? undefined : String(r.item_id),
      priority: r.priority as PriorityClass,
      peopleAhead: Number(r.people_ahead),
      estimatedWaitMinutes: r.estimated_wait === null ? null : Number(r.estimated_wait),
      followUrl: String(r.follow_url),
      issuedAt: String(r.issued_at),
      offline: r.offline === 1,
    };
  }

  /** While online: lease a block for every open category that runs low (one request at a time each). */
  async topUp(): Promise<void> {
    const catalog = this.o.catalog();
    const day = this.today();
    const low = this.o.lowWater ?? 10;
    await Promise.all(
      catalog.categories
        .filter((c) => this.numbering.remaining(c.id, day) < low && !this.leasing.has(c.id))
        .map(async (c) => {
          this.leasing.add(c.id);
          try {
            const r = await this.o.center.request(TICKET_REQUESTS.lease, { v: 1, categoryId: c.id }, { timeoutMs: 5000, schema: NumbersLeaseResponseSchema });
            this.o.onCenterAnswer?.(r.ok);
            if (!r.ok) return;
            if (!r.body.ok) return this.log(`numbers.lease ${c.id} refused: ${r.body.code}`);
            const b = r.body.block;
            if (b.issuerId !== this.o.deviceId) return this.log(`numbers.lease ${c.id}: block for ${b.issuerId}, not us`);
            this.insertLease.run(b.blockId, b.categoryId, b.day, b.issuerId, b.from, b.to);
            this.numbering.addLease(b);
          } finally {
            this.leasing.delete(c.id);
          }
        }),
    );
  }
}

function seqOf(number: string, prefix: string): number {
  const n = Number(number.slice(prefix.length));
  return Number.isInteger(n) && n > 0 ? n : 0;
}

function row(t: LocalTicket, seq: number, day: string) {
  return {
    ticketId: t.ticketId,
    number: t.number,
    seq,
    day,
    categoryId: t.categoryId,
    itemId: t.itemId ?? null,
    priority: t.priority,
    offline: t.offline ? 1 : 0,
    issuedAt: t.issuedAt,
    followUrl: t.followUrl,
    peopleAhead: t.peopleAhead,
    estimatedWait: t.estimatedWaitMinutes,
  };
}
