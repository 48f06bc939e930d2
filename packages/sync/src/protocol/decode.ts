// One place where an incoming payload becomes a typed message or a counted rejection.
import type { z } from 'zod';

export type Rejection = 'bad-json' | 'bad-schema' | 'foreign' | 'replay' | 'stale' | 'apply-failed';

export type Decoded<T> = { ok: true; msg: T } | { ok: false; reason: Rejection; detail: string };

export function decode<S extends z.ZodType>(schema: S, payload: Buffer | string): Decoded<z.infer<S>> {
  let json: unknown;
  try {
    json = JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
  } catch (e) {
    return { ok: false, reason: 'bad-json', detail: (e as Error).message.slice(0, 120) };
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const first = r.error.issues[0];
    return { ok: false, reason: 'bad-schema', detail: first ? `${first.path.join('.')}: ${first.message}` : 'invalid' };
  }
  return { ok: true, msg: r.data };
}
