// Demo and tests without an SMS provider: each message goes to the center's log. A production
// center never runs with it (checkCodeSender refuses the matching LogCodeSender).
import type { Logger } from '@hallkit/sync';
import { randomUUID } from 'node:crypto';
import { maskPhone } from '../identity/CodeSender.ts';
import type { SmsGateway, SmsSendResult } from './SmsGateway.ts';
import { smsText, type SmsPurpose } from './SmsTemplates.ts';

export class LogSmsGateway implements SmsGateway {
  readonly describe = 'log (no SMS provider configured: messages only in the center log)';

  constructor(private readonly logger: Logger) {}

  supports(): boolean {
    return true;
  }

  async send(phone: string, purpose: SmsPurpose, params: readonly string[]): Promise<SmsSendResult> {
    this.logger.info('SMS (log only, no provider configured)', { phone: maskPhone(phone), purpose, text: purpose === 'loginCode' ? '[code]' : smsText(purpose, params) });
    return { ok: true, serialNo: `log:${randomUUID()}` };
  }
}
