// How a one-time login code reaches a phone. In a hall this is the SMS outbox and the hall's
// provider (sms/OutboxCodeSender); without SMS settings it is LogCodeSender, which a production
// center refuses to start with.
import type { Logger } from '@hallkit/sync';

export interface CodeSender {
  /** A name for logs and the start-up check ("log", "sms:aliyun", …). */
  readonly kind: string;
  /** True only for senders that deliver to a real phone. */
  readonly delivers: boolean;
  send(phone: string, code: string, meta?: CodeSendMeta): Promise<void>;
}

/** Which code request this is (one SMS per request, ever) and how long the code lives. */
export interface CodeSendMeta {
  key: string;
  ttlMs: number;
  expiresAt: number;
}

/** Demo and tests: the code goes to the center's log, where the person running the demo reads it. */
export class LogCodeSender implements CodeSender {
  readonly kind = 'log';
  readonly delivers = false;

  constructor(private readonly logger: Logger) {}

  async send(phone: string, code: string): Promise<void> {
    this.logger.info('login code (LogCodeSender: demo/test only, no SMS sent)', { phone: maskPhone(phone), code });
  }
}

export class CodeSenderRefusedError extends Error {}

/**
 * The start-up check: in production (NODE_ENV=production or `production: true`) only a sender that
 * really delivers is accepted, so no build ever logs codes or accepts a fixed one in a real hall.
 */
export function checkCodeSender(sender: CodeSender | undefined, production: boolean): CodeSender {
  if (!sender) throw new CodeSenderRefusedError('no login code sender configured');
  if (production && !sender.delivers) {
    throw new CodeSenderRefusedError(
      `login code sender "${sender.kind}" does not deliver to phones: a production center needs an SMS provider — set HALLKIT_SMS_SETTINGS and HALLKIT_SMS_SECRETS (docs/operations.md, 短信服务)`,
    );
  }
  return sender;
}

/** 138****5678: enough to tell phones apart in a log. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length);
}
