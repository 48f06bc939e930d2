/**
 * The technician-mode PIN of a device, from HALLKIT_TECHNICIAN_PIN. Development and the demo fall back
 * to a well-known PIN; a production device (NODE_ENV=production) refuses to start without one, because
 * a default PIN on a public terminal is an open door.
 */
export const DEVELOPMENT_TECHNICIAN_PIN = '2580';

export function technicianPinFromEnv(env: NodeJS.ProcessEnv, developmentPin = DEVELOPMENT_TECHNICIAN_PIN): string {
  const pin = env.HALLKIT_TECHNICIAN_PIN?.trim();
  if (pin) {
    if (!/^\d{4,12}$/.test(pin)) throw new Error('HALLKIT_TECHNICIAN_PIN must be 4 to 12 digits');
    return pin;
  }
  if (env.NODE_ENV === 'production') throw new Error('HALLKIT_TECHNICIAN_PIN is not set: a production device needs its own technician PIN');
  return developmentPin;
}
