// One SMS provider's send call, as the outbox needs it: did it go, and if not, is trying again
// any use. `config` failures (wrong signature, template, key) are the hall's to fix: the admin is told.
import type { SmsPurpose } from './SmsTemplates.ts';

export type SmsSendResult =
  | { ok: true; serialNo: string }
  /** `retry`: a passing fault (network, provider busy, rate); `message`: this number or text is refused; `config`: the hall's settings are wrong. */
  | { ok: false; kind: 'retry' | 'message' | 'config'; code: string; message: string };

export interface SmsGateway {
  /** For logs and the admin console, e.g. "tencentcloud 1400006666 @ sms.tencentcloudapi.com". */
  readonly describe: string;
  /** Whether this purpose has a template configured. */
  supports(purpose: SmsPurpose): boolean;
  send(phone: string, purpose: SmsPurpose, params: readonly string[]): Promise<SmsSendResult>;
}
