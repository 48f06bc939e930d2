import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_TECHNICIAN_PIN, TechnicianPinGuard, technicianPinFromEnv } from '../src/index.ts';

describe('technician PIN', () => {
  it('comes from HALLKIT_TECHNICIAN_PIN, must be digits, and has no default in production', () => {
    expect(technicianPinFromEnv({ HALLKIT_TECHNICIAN_PIN: '864213' })).toBe('864213');
    expect(technicianPinFromEnv({})).toBe(DEVELOPMENT_TECHNICIAN_PIN);
    expect(() => technicianPinFromEnv({ HALLKIT_TECHNICIAN_PIN: 'abcd' })).toThrow(/4 to 12 digits/);
    expect(() => technicianPinFromEnv({ NODE_ENV: 'production' })).toThrow(/not set/);
    expect(technicianPinFromEnv({ NODE_ENV: 'production', HALLKIT_TECHNICIAN_PIN: '9753' })).toBe('9753');
  });
});

describe('TechnicianPinGuard', () => {
  it('five wrong tries, then 30 s doubling up to 15 min; the right PIN works again after the wait and clears the count', () => {
    let t = 0;
    const g = new TechnicianPinGuard(() => undefined, undefined, () => t);
    for (let i = 0; i < 4; i++) expect(g.check('0000', '2580')).toEqual({ ok: false });
    expect(g.check('0000', '2580')).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(g.check('2580', '2580')).toEqual({ ok: false, retryAfterSeconds: 30 });
    t += 30_000;
    expect(g.check('1111', '2580')).toEqual({ ok: false, retryAfterSeconds: 60 });
    t += 60_000;
    for (let i = 0; i < 10; i++) {
      g.check('1111', '2580');
      t += 16 * 60_000;
    }
    expect(g.check('1111', '2580')).toEqual({ ok: false, retryAfterSeconds: 900 });
    t += 900_000;
    expect(g.check('2580', '2580')).toEqual({ ok: true });
    expect(g.check('0000', '2580')).toEqual({ ok: false });
  });
});
