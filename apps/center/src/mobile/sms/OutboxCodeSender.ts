// Log-in codes through the SMS outbox: durable across restarts and provider outages, sent once,
// dropped once the code has expired.
import { randomUUID } from 'node:crypto';
import type { CodeSender, CodeSendMeta } from '../identity/CodeSender.ts';
import type { SmsOutbox } from './SmsOutbox.ts';

export class OutboxCodeSender implements CodeSender {
  readonly kind: string;
  readonly delivers = true;

  constructor(private readonly outbox: SmsOutbox) {
    this.kind = `sms:${outbox.gateway.describe}`;
  }

  async send(phone: string, code: string, meta?: CodeSendMeta): Promise<void> {
    const minutes = meta ? Math.max(1, Math.round(meta.ttlMs / 60_000)) : 5;
    this.outbox.enqueue({ key: meta?.key ?? `login:${randomUUID()}`, phone, purpose: 'loginCode', params: [code, String(minutes)], ...(meta ? { expiresAt: meta.expiresAt } : {}) });
  }
}
