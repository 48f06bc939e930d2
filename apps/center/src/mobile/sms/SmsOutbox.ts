// Durable sending: every SMS is a row first (one per event key, so an event never sends twice),
// then a pump sends what is due — per-number limits, retries with growing pauses, settings faults
// parked for the admin instead of retried forever — and every step goes to the audit log.
import type { Database } from 'better-sqlite3';
import type { Logger } from '@hallkit/sync';
import { RoundPump } from '../../server/outbox/RoundPump.ts';
import { maskPhone } from '../identity/CodeSender.ts';
import type { SmsGateway, SmsSendResult } from './SmsGateway.ts';
import { SMS_TEMPLATE_TEXT, smsText, type SmsPurpose } from './SmsTemplates.ts';

export interface SmsAudit {
  record(actor: string, action: string, target?: string, detail?: unknown): void;
}

export interface SmsOutboxLimits {
  perHour: number;
  perDay: number;
  /** First retry pause; doubles each time up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Passing faults tried this often, then given up (and shown to the admin). */
  maxAttempts: number;
  /** How often the pump looks for due messages (it is also kicked on every new one). */
  pollMs: number;
}

export const defaultSmsOutboxLimits: SmsOutboxLimits = { perHour: 10, perDay: 30, retryBaseMs: 5_000, retryMaxMs: 10 * 60_000, maxAttempts: 12, pollMs: 2_000 };

export interface SmsToSend {
  /** The event this message is for, e.g. `called:<ticketId>:<serviceNo>`: a second enqueue of it is ignored. */
  key: string;
  phone: string;
  purpose: SmsPurpose;
  params: string[];
  /** Not worth sending after this (ms). */
  expiresAt?: number;
}

export type SmsStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'expired' | 'unknown';

interface Row {
  id: number;
  event_key: string;
  phone: string;
  purpose: SmsPurpose;
  params: string;
  secret: number;
  status: SmsStatus;
  attempts: number;
  next_at: number;
  expires_at: number | null;
  created_at: number;
  settled_at: number | null;
  serial_no: string | null;
  last_code: string | null;
  last_error: string | null;
  config_fault: number;
}

export interface SmsOutboxEntry {
  key: string;
  phone: string;
  purpose: SmsPurpose;
  status: SmsStatus;
  attempts: number;
  createdAt: number;
  settledAt: number | null;
  nextAt: number | null;
  code: string | null;
  error: string | null;
  configFault: boolean;
}

const HOUR = 3_600_000;
const ACTOR = 'sms';

export class SmsOutbox {
  private readonly pumpLoop: RoundPump;

  constructor(
    private readonly db: Database,
    readonly gateway: SmsGateway,
    private readonly audit: SmsAudit,
    private readonly logger: Logger,
    private readonly now: () => number,
    readonly limits: SmsOutboxLimits = defaultSmsOutboxLimits,
  ) {
    // A message the center was sending when it stopped may or may not have gone: never send it twice.
    const lost = db.prepare("UPDATE m_sms_outbox SET status = 'unknown', settled_at = ?, last_error = 'the center stopped while sending: delivery unknown, not sent again' WHERE status = 'sending'").run(now());
    if (lost.changes > 0) logger.warn('SMS interrupted by a stop are not sent again', { count: lost.changes });
    this.pumpLoop = new RoundPump({ pollMs: limits.pollMs, round: () => this.round(), logger, failure: 'SMS outbox round failed' });
  }

  /** Queue a message for an event; false when that event already has one. */
  enqueue(m: SmsToSend): boolean {
    const t = this.now();
    const secret = SMS_TEMPLATE_TEXT[m.purpose].secret;
    const r = this.db
      .prepare("INSERT OR IGNORE INTO m_sms_outbox (event_key, phone, purpose, params, secret, status, next_at, expires_at, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)")
      .run(m.key, m.phone, m.purpose, JSON.stringify(m.params), secret ? 1 : 0, t, m.expiresAt ?? null, t);
    if (r.changes === 0) return false;
    this.audit.record(ACTOR, 'sms.queued', maskPhone(m.phone), { key: m.key, purpose: m.purpose, ...(secret ? {} : { text: smsText(m.purpose, m.params) }) });
    this.kick();
    return true;
  }

  has(key: string): boolean {
    return this.db.prepare('SELECT 1 FROM m_sms_outbox WHERE event_key = ?').get(key) !== undefined;
  }

  start(): void {
    this.pumpLoop.start();
  }

  stop(): Promise<void> {
    return this.pumpLoop.stop();
  }

  /** Send soon (a new message): the pump runs now, or again right after the current round. */
  kick(): void {
    this.pumpLoop.kick();
  }

  /** Send every due message once; resolves with how many went out. One round at a time. */
  pump(): Promise<number> {
    return this.pumpLoop.pump();
  }

  private async round(): Promise<number> {
    const due = this.db.prepare("SELECT * FROM m_sms_outbox WHERE status = 'pending' AND next_at <= ? ORDER BY id LIMIT 50").all(this.now()) as Row[];
    let sent = 0;
    for (const row of due) if (await this.sendOne(row)) sent += 1;
    return sent;
  }

  private async sendOne(row: Row): Promise<boolean> {
    const t = this.now();
    if (row.expires_at !== null && t > row.expires_at) {
      this.settle(row, 'expired', { error: 'expired before it could be sent' });
      return false;
    }
    const wait = this.limitedUntil(row.phone, t);
    if (wait !== undefined) {
      if (row.expires_at !== null && wait > row.expires_at) this.settle(row, 'expired', { error: 'per-number limit reached before it expired' });
      else this.db.prepare('UPDATE m_sms_outbox SET next_at = ? WHERE id = ?').run(wait, row.id);
      return false;
    }
    this.db.prepare("UPDATE m_sms_outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ?").run(row.id);
    let res: SmsSendResult;
    try {
      res = await this.gateway.send(row.phone, row.purpose, JSON.parse(row.params) as string[]);
    } catch (e) {
      res = { ok: false, kind: 'retry', code: 'exception', message: (e as Error).message };
    }
    const attempts = row.attempts + 1;
    if (res.ok) {
      this.settle(row, 'sent', { serialNo: res.serialNo, attempts });
      return true;
    }
    if (res.kind === 'retry' && attempts < this.limits.maxAttempts) {
      const pause = Math.min(this.limits.retryMaxMs, this.limits.retryBaseMs * 2 ** (attempts - 1));
      this.db.prepare("UPDATE m_sms_outbox SET status = 'pending', next_at = ?, last_code = ?, last_error = ? WHERE id = ?").run(this.now() + pause, res.code, res.message, row.id);
      this.logger.warn('SMS not sent, will retry', { phone: maskPhone(row.phone), purpose: row.purpose, code: res.code, attempt: attempts, retryInS: Math.round(pause / 1000) });
      return false;
    }
    this.settle(row, 'failed', { code: res.code, error: res.message, configFault: res.kind === 'config', attempts });
    return false;
  }

  /** When this number may receive its next SMS, if not now. */
  private limitedUntil(phone: string, t: number): number | undefined {
    const recent = (since: number) =>
      this.db.prepare("SELECT settled_at FROM m_sms_outbox WHERE phone = ? AND status = 'sent' AND settled_at > ? ORDER BY settled_at").all(phone, since) as { settled_at: number }[];
    const day = recent(t - 24 * HOUR);
    if (day.length >= this.limits.perDay) return (day[day.length - this.limits.perDay]?.settled_at ?? t) + 24 * HOUR;
    const hour = day.filter((r) => r.settled_at > t - HOUR);
    if (hour.length >= this.limits.perHour) return (hour[hour.length - this.limits.perHour]?.settled_at ?? t) + HOUR;
    return undefined;
  }

  private settle(row: Row, status: 'sent' | 'failed' | 'expired', o: { serialNo?: string; code?: string; error?: string; configFault?: boolean; attempts?: number }): void {
    const t = this.now();
    // A login code is of no use to anyone once settled: it does not stay in the database.
    const params = row.secret ? JSON.stringify((JSON.parse(row.params) as string[]).map(() => '')) : row.params;
    this.db
      .prepare('UPDATE m_sms_outbox SET status = ?, settled_at = ?, serial_no = ?, last_code = coalesce(?, last_code), last_error = coalesce(?, last_error), config_fault = ?, params = ? WHERE id = ?')
      .run(status, t, o.serialNo ?? null, o.code ?? null, o.error ?? null, o.configFault ? 1 : 0, params, row.id);
    const detail = { key: row.event_key, purpose: row.purpose, attempts: o.attempts ?? row.attempts, ...(o.serialNo ? { serialNo: o.serialNo } : {}), ...(o.code ? { code: o.code } : {}), ...(o.error ? { error: o.error } : {}), ...(o.configFault ? { configFault: true } : {}) };
    this.audit.record(ACTOR, `sms.${status}`, maskPhone(row.phone), detail);
    if (status === 'sent') this.logger.info('SMS sent', { phone: maskPhone(row.phone), purpose: row.purpose, serialNo: o.serialNo });
    else if (o.configFault) this.logger.error('SMS refused by the provider: the hall\'s SMS settings need fixing', { purpose: row.purpose, code: o.code, error: o.error, gateway: this.gateway.describe });
    else this.logger.warn(`SMS ${status}`, { phone: maskPhone(row.phone), purpose: row.purpose, code: o.code, error: o.error });
  }

  status(key: string): SmsStatus | undefined {
    return (this.db.prepare('SELECT status FROM m_sms_outbox WHERE event_key = ?').get(key) as { status: SmsStatus } | undefined)?.status;
  }

  /** For the admin console: counts, settings faults (newest first), and the latest messages. */
  summary(limit = 50): { gateway: string; counts: Record<SmsStatus, number>; configFaults: SmsOutboxEntry[]; recent: SmsOutboxEntry[] } {
    const counts: Record<SmsStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, expired: 0, unknown: 0 };
    for (const r of this.db.prepare('SELECT status, count(*) AS n FROM m_sms_outbox GROUP BY status').all() as { status: SmsStatus; n: number }[]) counts[r.status] = r.n;
    const entry = (r: Row): SmsOutboxEntry => ({
      key: r.event_key,
      phone: maskPhone(r.phone),
      purpose: r.purpose,
      status: r.status,
      attempts: r.attempts,
      createdAt: r.created_at,
      settledAt: r.settled_at,
      nextAt: r.status === 'pending' ? r.next_at : null,
      code: r.last_code,
      error: r.last_error,
      configFault: r.config_fault === 1,
    });
    const faults = this.db.prepare('SELECT * FROM m_sms_outbox WHERE config_fault = 1 AND settled_at > ? ORDER BY id DESC LIMIT 20').all(this.now() - 7 * 24 * HOUR) as Row[];
    const recent = this.db.prepare('SELECT * FROM m_sms_outbox ORDER BY id DESC LIMIT ?').all(limit) as Row[];
    return { gateway: this.gateway.describe, counts, configFaults: faults.map(entry), recent: recent.map(entry) };
  }
}
