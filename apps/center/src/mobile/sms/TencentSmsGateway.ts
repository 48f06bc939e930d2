// Tencent Cloud SMS (短信 SendSms, API 2021-01-11) through the official Node SDK. The endpoint and
// protocol come from the settings so tests and the demo talk to the local stand-in, which speaks the
// same signed API (TencentSmsStandIn).
import tencentcloud from 'tencentcloud-sdk-nodejs-sms';
import type { SmsGateway, SmsSendResult } from './SmsGateway.ts';
import type { SmsSecrets, SmsSettings } from './SmsSettings.ts';
import type { SmsPurpose } from './SmsTemplates.ts';

const Client = tencentcloud.sms.v20210111.Client;

/** Error codes that mean the hall's settings (key, app, signature, template) are wrong: no retry, tell the admin. */
const CONFIG_CODES = [
  /^AuthFailure\./,
  /^UnauthorizedOperation\./,
  /^FailedOperation\.(SignatureIncorrectOrUnapproved|TemplateIncorrectOrUnapproved|TemplateParamSetNotMatchApprovedTemplate|MissingSignature|MissingTemplate|InsufficientBalanceInSmsPackage|TemplateUnapprovedOrNotExist)/,
  /^InvalidParameterValue\.(TemplateParameterFormatError|SdkAppIdNotExist|IncorrectSignName|TemplateWithDirtyWords)/,
  /^MissingParameter\./,
];
/** This one number is refused: retrying will not help. */
const MESSAGE_CODES = [/^InvalidParameterValue\.IncorrectPhoneNumber/, /^FailedOperation\.PhoneNumberInBlacklist/, /^UnsupportedOperation\./, /^FailedOperation\.PhoneNumberParseFail/];

export function classifyTencentCode(code: string): 'config' | 'message' | 'retry' {
  if (CONFIG_CODES.some((r) => r.test(code))) return 'config';
  if (MESSAGE_CODES.some((r) => r.test(code))) return 'message';
  // InternalError.*, LimitExceeded.* (daily/30 s limits), RequestLimitExceeded, network: later.
  return 'retry';
}

export class TencentSmsGateway implements SmsGateway {
  readonly describe: string;
  private readonly client: InstanceType<typeof Client>;

  constructor(
    private readonly settings: SmsSettings,
    secrets: SmsSecrets,
  ) {
    this.describe = `tencentcloud ${settings.sdkAppId} @ ${settings.protocol}://${settings.endpoint}`;
    this.client = new Client({
      credential: { secretId: secrets.secretId, secretKey: secrets.secretKey },
      region: settings.region,
      profile: { signMethod: 'TC3-HMAC-SHA256', httpProfile: { endpoint: settings.endpoint, protocol: `${settings.protocol}://`, reqMethod: 'POST', reqTimeout: settings.timeoutSeconds } },
    });
  }

  supports(purpose: SmsPurpose): boolean {
    return this.settings.templates[purpose] !== undefined;
  }

  async send(phone: string, purpose: SmsPurpose, params: readonly string[]): Promise<SmsSendResult> {
    const templateId = this.settings.templates[purpose];
    if (!templateId) return { ok: false, kind: 'config', code: 'hallkit.NoTemplate', message: `no template id for "${purpose}" in the SMS settings` };
    try {
      const res = await this.client.SendSms({
        PhoneNumberSet: [`+86${phone}`],
        SmsSdkAppId: this.settings.sdkAppId,
        SignName: this.settings.signName,
        TemplateId: templateId,
        TemplateParamSet: [...params],
      });
      const status = res.SendStatusSet?.[0];
      if (!status) return { ok: false, kind: 'retry', code: 'hallkit.NoStatus', message: 'the provider answered without a send status' };
      if (status.Code === 'Ok') return { ok: true, serialNo: status.SerialNo ?? '' };
      const code = status.Code ?? 'unknown';
      return { ok: false, kind: classifyTencentCode(code), code, message: status.Message ?? code };
    } catch (e) {
      // TencentCloudSDKHttpException: `code` for API errors, `httpCode` for an HTTP failure, neither
      // when the request never got an answer (refused, reset, timeout).
      const err = e as { code?: string; httpCode?: number; message?: string };
      if (err.code) return { ok: false, kind: classifyTencentCode(err.code), code: err.code, message: err.message ?? err.code };
      return { ok: false, kind: 'retry', code: err.httpCode ? `http.${err.httpCode}` : 'network', message: err.message ?? String(e) };
    }
  }
}
