// TC3-HMAC-SHA256 as Tencent Cloud's API checks it (written from the API's signing document, not
// from the SDK, so the stand-in really checks what the SDK sends).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const hmac = (key: string | Buffer, msg: string) => createHmac('sha256', key).update(msg).digest();
const sha256hex = (msg: string | Buffer) => createHash('sha256').update(msg).digest('hex');

export interface Tc3Request {
  method: string;
  path: string;
  query: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export type Tc3Check = { ok: true; secretId: string; service: string } | { ok: false; code: 'AuthFailure.SignatureFailure' | 'AuthFailure.SecretIdNotFound' | 'AuthFailure.SignatureExpire' | 'AuthFailure.InvalidAuthorization'; message: string };

export function checkTc3(req: Tc3Request, keyFor: (secretId: string) => string | undefined, nowS: number): Tc3Check {
  const auth = req.headers['authorization'] ?? '';
  const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return { ok: false, code: 'AuthFailure.InvalidAuthorization', message: 'Authorization is not a TC3-HMAC-SHA256 signature' };
  const [, secretId = '', date = '', service = '', signedHeaders = '', signature = ''] = m;
  const key = keyFor(secretId);
  if (!key) return { ok: false, code: 'AuthFailure.SecretIdNotFound', message: 'The SecretId is not found, please ensure that your SecretId is correct.' };
  const timestamp = Number(req.headers['x-tc-timestamp']);
  if (!Number.isFinite(timestamp) || Math.abs(nowS - timestamp) > 300) return { ok: false, code: 'AuthFailure.SignatureExpire', message: 'Signature expired. Timestamp and server time cannot differ by more than 5 minutes.' };
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return { ok: false, code: 'AuthFailure.SignatureFailure', message: 'The credential date does not match X-TC-Timestamp.' };
  const canonicalHeaders = signedHeaders
    .split(';')
    .map((h) => `${h}:${h === 'host' ? (req.headers.host ?? '').replace(/:\d+$/, '') : (req.headers[h] ?? '').trim().toLowerCase()}\n`)
    .join('');
  const canonical = [req.method, req.path, req.query, canonicalHeaders, signedHeaders, sha256hex(req.body)].join('\n');
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/${service}/tc3_request`, sha256hex(canonical)].join('\n');
  const kSigning = hmac(hmac(hmac(`TC3${key}`, date), service), 'tc3_request');
  const expected = createHmac('sha256', kSigning).update(toSign).digest('hex');
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
    return { ok: false, code: 'AuthFailure.SignatureFailure', message: 'The provided credentials could not be validated. Please check your signature is correct.' };
  }
  return { ok: true, secretId, service };
}
