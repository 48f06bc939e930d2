// A local stand-in for Tencent Cloud SMS (SendSms, 2021-01-11): checks the TC3-HMAC-SHA256
// signature, the app id, the approved signature and templates (and their parameter count), and
// answers with the real response shapes and error codes. Tests switch it into an outage; the demo
// prints each message as the phone would show it.
import { randomUUID } from 'node:crypto';
import { jsonReply, StandInServer, type StandInOutage, type StandInReply, type StandInRequest } from '../../../standin/StandInServer.ts';
import { checkTc3 } from './tc3Signature.ts';

export interface StandInTemplate {
  /** Approved text with {1}…{n}. */
  text: string;
}

export interface TencentSmsStandInOptions {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  /** Approved 短信签名. */
  signNames: string[];
  /** Approved templates by id. */
  templates: Record<string, StandInTemplate>;
  /** Called for each delivered message (the demo prints it). */
  onDeliver?: (m: DeliveredSms) => void;
  now?: () => number;
}

export interface DeliveredSms {
  phone: string;
  templateId: string;
  signName: string;
  params: string[];
  /** What the phone shows: 【签名】text. */
  text: string;
  serialNo: string;
  at: number;
}

export type { StandInOutage };

export class TencentSmsStandIn {
  readonly delivered: DeliveredSms[] = [];
  private readonly server = new StandInServer((r) => this.handle(r));
  private readonly now: () => number;

  constructor(private readonly o: TencentSmsStandInOptions) {
    this.now = o.now ?? Date.now;
  }

  /** Every request that reached the API, signed or not (tests count attempts). */
  get requests(): number {
    return this.server.requests;
  }

  get outage(): StandInOutage {
    return this.server.outage;
  }

  set outage(o: StandInOutage) {
    this.server.outage = o;
  }

  /** Resolves with `host:port` (the SDK's endpoint setting). */
  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    const a = await this.server.listen(port, host);
    return `${a.host}:${a.port}`;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private handle(req: StandInRequest): StandInReply {
    const body = req.body;
    const requestId = randomUUID();
    const reply = (response: Record<string, unknown>) => jsonReply(200, { Response: { ...response, RequestId: requestId } });
    const error = (Code: string, Message: string) => reply({ Error: { Code, Message } });
    const { url, headers } = req;
    const auth = checkTc3({ method: req.method, path: url.pathname, query: url.search.slice(1), headers, body }, (id) => (id === this.o.secretId ? this.o.secretKey : undefined), Math.floor(this.now() / 1000));
    if (!auth.ok) return error(auth.code, auth.message);
    if (auth.service !== 'sms' && auth.service !== (headers.host ?? '').split('.')[0]) return error('AuthFailure.SignatureFailure', `service ${auth.service} in the credential scope does not match the host`);
    if (headers['x-tc-action'] !== 'SendSms') return error('InvalidAction', `The action ${headers['x-tc-action'] ?? ''} is not found.`);
    if (headers['x-tc-version'] !== '2021-01-11') return error('NoSuchVersion', 'The API version does not exist.');
    let p: { PhoneNumberSet?: unknown; SmsSdkAppId?: unknown; TemplateId?: unknown; SignName?: unknown; TemplateParamSet?: unknown };
    try {
      p = JSON.parse(body.toString('utf8')) as typeof p;
    } catch {
      return error('InvalidParameter', 'The request body is not JSON.');
    }
    if (!Array.isArray(p.PhoneNumberSet) || p.PhoneNumberSet.length === 0) return error('MissingParameter', 'PhoneNumberSet is required.');
    if (p.SmsSdkAppId !== this.o.sdkAppId) return error('UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'SmsSdkAppId verify failed.');
    if (typeof p.SignName !== 'string' || !this.o.signNames.includes(p.SignName)) return error('FailedOperation.SignatureIncorrectOrUnapproved', 'signature format is incorrect or signature is not approved');
    const template = typeof p.TemplateId === 'string' ? this.o.templates[p.TemplateId] : undefined;
    if (!template) return error('FailedOperation.TemplateIncorrectOrUnapproved', 'template format error or template is not approved');
    const params = Array.isArray(p.TemplateParamSet) ? p.TemplateParamSet.map(String) : [];
    const wanted = new Set(template.text.match(/\{\d+\}/g) ?? []).size;
    if (params.length !== wanted) return error('FailedOperation.TemplateParamSetNotMatchApprovedTemplate', 'request content does not match template content');
    const set = p.PhoneNumberSet.map((raw) => {
      const number = String(raw);
      const phone = number.replace(/^(\+86|0086|86)/, '');
      const base = { PhoneNumber: number, SessionContext: '', IsoCode: 'CN' };
      if (!/^1[3-9][0-9]{9}$/.test(phone)) return { ...base, SerialNo: '', Fee: 0, Code: 'InvalidParameterValue.IncorrectPhoneNumber', Message: 'incorrect phone number' };
      const serialNo = `2433:${randomUUID().replace(/-/g, '').slice(0, 24)}`;
      const text = `【${p.SignName as string}】${template.text.replace(/\{(\d+)\}/g, (_, n: string) => params[Number(n) - 1] ?? '')}`;
      const m: DeliveredSms = { phone, templateId: p.TemplateId as string, signName: p.SignName as string, params, text, serialNo, at: this.now() };
      this.delivered.push(m);
      this.o.onDeliver?.(m);
      return { ...base, SerialNo: serialNo, Fee: 1, Code: 'Ok', Message: 'send success' };
    });
    return reply({ SendStatusSet: set });
  }
}
