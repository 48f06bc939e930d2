// What a keypad's key frame means. The last DATA byte is the key; digit bytes (0–9) before it are
// what staff typed first: the choice before 确认 (06 = no-show, 00 = hold, 03 = call back) or the
// window number before 转移.

export const KeyCode = { evaluate: 0x0b, call: 0x0c, recall: 0x0d, cancel: 0x0e, confirm: 0x0f, oneMetre: 0x11, pause: 0x12, transfer: 0x13 } as const;

export type KeypadAction =
  | { action: 'call-next' }
  | { action: 'recall' }
  | { action: 'finish' }
  | { action: 'no-show' }
  | { action: 'hold' }
  | { action: 'call-back' }
  | { action: 'pause' }
  | { action: 'transfer'; toWindowNumber: number }
  | { action: 'cancel' }
  | { action: 'one-metre' }
  | { action: 'unknown'; why: string };

export type KeypadActionName = KeypadAction['action'];

/** The action a key frame's data asks for; never throws. */
export function parseKeypress(data: Uint8Array): KeypadAction {
  if (data.length === 0) return { action: 'unknown', why: 'key frame without data' };
  const key = data[data.length - 1] as number;
  const typed = [...data.subarray(0, data.length - 1)];
  const digits = typed.filter((d) => d <= 9);
  if (digits.length !== typed.length) return { action: 'unknown', why: `bytes before the key are not digits: ${typed.map((b) => b.toString(16)).join(' ')}` };
  switch (key) {
    case KeyCode.call:
      return { action: 'call-next' };
    case KeyCode.recall:
      return { action: 'recall' };
    case KeyCode.evaluate:
      return { action: 'finish' };
    case KeyCode.pause:
      return { action: 'pause' };
    case KeyCode.cancel:
      return { action: 'cancel' };
    case KeyCode.oneMetre:
      return { action: 'one-metre' };
    case KeyCode.transfer: {
      const n = Number(digits.join(''));
      return digits.length && n > 0 ? { action: 'transfer', toWindowNumber: n } : { action: 'unknown', why: 'transfer without a window number' };
    }
    case KeyCode.confirm: {
      const choice = digits[digits.length - 1];
      if (choice === 6) return { action: 'no-show' };
      if (choice === 0) return { action: 'hold' };
      if (choice === 3) return { action: 'call-back' };
      return { action: 'unknown', why: `confirm after ${choice ?? 'nothing'}` };
    }
    default:
      return { action: 'unknown', why: `key 0x${key.toString(16)}` };
  }
}

/** The bytes a keypad sends for an action (simulator, technician's test keypress). */
export function keypressData(a: KeypadAction): Uint8Array {
  switch (a.action) {
    case 'call-next':
      return Uint8Array.of(KeyCode.call);
    case 'recall':
      return Uint8Array.of(KeyCode.recall);
    case 'finish':
      return Uint8Array.of(KeyCode.evaluate);
    case 'pause':
      return Uint8Array.of(KeyCode.pause);
    case 'cancel':
      return Uint8Array.of(KeyCode.cancel);
    case 'one-metre':
      return Uint8Array.of(KeyCode.oneMetre);
    case 'no-show':
      return Uint8Array.of(6, KeyCode.confirm);
    case 'hold':
      return Uint8Array.of(0, KeyCode.confirm);
    case 'call-back':
      return Uint8Array.of(3, KeyCode.confirm);
    case 'transfer':
      return Uint8Array.of(...String(a.toWindowNumber).split('').map(Number), KeyCode.transfer);
    case 'unknown':
      return Uint8Array.of(0x7f);
  }
}

/**
 * The six digits: waiting count on the left (capped at 999, as the reference's SendWait), the
 * last three digits of the ticket on the right (SendTicket); blank where there is nothing.
 */
export function keypadDigits(waiting: number | null, ticketNumber: string | null): Array<number | null> {
  const left: Array<number | null> = waiting === null ? [null, null, null] : String(Math.min(999, Math.max(0, Math.floor(waiting)))).padStart(3, ' ').split('').map((c) => (c === ' ' ? null : Number(c)));
  const digits = (ticketNumber ?? '').replace(/\D/g, '').slice(-3);
  const right: Array<number | null> = digits.padStart(3, ' ').split('').map((c) => (c === ' ' ? null : Number(c)));
  return [...left, ...right];
}
