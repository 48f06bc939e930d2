/**
 * Keyboard-wedge scanner detection for the renderer. A wedge scanner "types" its code as
 * keystrokes a few milliseconds apart and ends with Enter; a person types 100+ ms apart. We look
 * only at key names and event timestamps, so this runs in any browser, with no Node and no React.
 */

export interface WedgeKey {
  key: string;
  /** Event time in ms (KeyboardEvent.timeStamp). */
  timeStamp: number;
}

export interface KeyboardWedgeOptions {
  /** Longest gap between two keys of one scan (BRIEF §4: scanners send keys ≤ 30–50 ms apart). */
  maxGapMs?: number;
  /** Shortest code that counts as a scan; shorter fast bursts (key rollover) stay typing. */
  minLength?: number;
  /** Keys that end a scan. */
  terminators?: readonly string[];
}

export type WedgeDecision =
  | { kind: 'scan'; code: string; durationMs: number }
  /** Keys so far turned out to be a person typing (a slow key, an editing key, a short burst). */
  | { kind: 'typing'; text: string }
  /** Still collecting: could be either. */
  | { kind: 'pending' }
  /** A modifier or a key that carries no character. */
  | { kind: 'ignored' };

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn']);

export class KeyboardWedge {
  private readonly maxGapMs: number;
  private readonly minLength: number;
  private readonly terminators: readonly string[];
  private chars: string[] = [];
  private firstAt = 0;
  private lastAt = 0;

  constructor(opts: KeyboardWedgeOptions = {}) {
    this.maxGapMs = opts.maxGapMs ?? 40;
    this.minLength = opts.minLength ?? 4;
    this.terminators = opts.terminators ?? ['Enter'];
  }

  /** Feed every keydown in order; the answer says what the keys so far were. */
  push(e: WedgeKey): WedgeDecision {
    if (MODIFIERS.has(e.key)) return { kind: 'ignored' };
    const gapOk = this.chars.length === 0 || e.timeStamp - this.lastAt <= this.maxGapMs;
    if (this.terminators.includes(e.key)) {
      const code = this.chars.join('');
      const duration = this.lastAt - this.firstAt;
      const isScan = gapOk && this.chars.length >= this.minLength;
      this.reset();
      if (isScan) return { kind: 'scan', code, durationMs: duration };
      return { kind: 'typing', text: code };
    }
    if ([...e.key].length !== 1) {
      // Backspace, arrows, Tab…: scanners never send these mid-code.
      const text = this.chars.join('');
      this.reset();
      return text ? { kind: 'typing', text } : { kind: 'ignored' };
    }
    if (!gapOk) {
      const text = this.chars.join('');
      this.reset();
      this.start(e);
      return { kind: 'typing', text };
    }
    if (this.chars.length === 0) this.start(e);
    else {
      this.chars.push(e.key);
      this.lastAt = e.timeStamp;
    }
    return { kind: 'pending' };
  }

  /** True while fast keys are being collected (a host may hold back side effects meanwhile). */
  get collecting(): boolean {
    return this.chars.length > 0;
  }

  reset(): void {
    this.chars = [];
    this.firstAt = 0;
    this.lastAt = 0;
  }

  private start(e: WedgeKey): void {
    this.chars = [e.key];
    this.firstAt = e.timeStamp;
    this.lastAt = e.timeStamp;
  }
}

export interface KeyEventLike extends WedgeKey {
  preventDefault(): void;
}
export interface KeyEventSource {
  addEventListener(type: 'keydown', listener: (e: KeyEventLike) => void, options?: { capture?: boolean }): void;
  removeEventListener(type: 'keydown', listener: (e: KeyEventLike) => void, options?: { capture?: boolean }): void;
}

/**
 * Listens for wedge scans on a window or element. The Enter that ends a scan is swallowed so it
 * does not submit a form; the characters themselves still reach a focused input (the page decides
 * what to do with them, e.g. clear the field on `onScan`). Returns a function that detaches.
 */
export function attachKeyboardWedge(target: KeyEventSource, onScan: (code: string) => void, opts: KeyboardWedgeOptions = {}): () => void {
  const wedge = new KeyboardWedge(opts);
  const listener = (e: KeyEventLike): void => {
    const d = wedge.push(e);
    if (d.kind === 'scan') {
      e.preventDefault();
      onScan(d.code);
    }
  };
  target.addEventListener('keydown', listener, { capture: true });
  return () => target.removeEventListener('keydown', listener, { capture: true });
}
