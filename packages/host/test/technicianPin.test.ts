import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_TECHNICIAN_PIN, technicianPinFromEnv } from '../src/index.ts';

describe('technician PIN', () => {
  it('comes from HALLKIT_TECHNICIAN_PIN, must be digits, and has no default in production', () => {
    expect(technicianPinFromEnv({ HALLKIT_TECHNICIAN_PIN: '864213' })).toBe('864213');
    expect(technicianPinFromEnv({})).toBe(DEVELOPMENT_TECHNICIAN_PIN);
    expect(() => technicianPinFromEnv({ HALLKIT_TECHNICIAN_PIN: 'abcd' })).toThrow(/4 to 12 digits/);
    expect(() => technicianPinFromEnv({ NODE_ENV: 'production' })).toThrow(/not set/);
    expect(technicianPinFromEnv({ NODE_ENV: 'production', HALLKIT_TECHNICIAN_PIN: '9753' })).toBe('9753');
  });
});
