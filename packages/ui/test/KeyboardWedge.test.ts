import { describe, expect, it } from 'vitest';
import { attachKeyboardWedge, KeyboardWedge, type KeyEventLike, type WedgeDecision } from '../src/scanner/KeyboardWedge.ts';

/** Keys of `text` then Enter, `gap` ms apart from `start`. */
function keys(text: string, gap: number, start = 1000): Array<{ key: string; timeStamp: number }> {
  const out = [...text].map((key, i) => ({ key, timeStamp: start + i * gap }));
  out.push({ key: 'Enter', timeStamp: start + text.length * gap });
  return out;
}

function run(wedge: KeyboardWedge, events: Array<{ key: string; timeStamp: number }>): WedgeDecision[] {
  return events.map((e) => wedge.push(e)).filter((d) => d.kind === 'scan' || d.kind === 'typing');
}

describe('KeyboardWedge', () => {
  it('takes fast keystrokes ending in Enter as a scan', () => {
    expect(run(new KeyboardWedge(), keys('370602198607151234', 8))).toEqual([{ kind: 'scan', code: '370602198607151234', durationMs: 17 * 8 }]);
  });

  it('takes a person typing the same thing as typing', () => {
    expect(run(new KeyboardWedge(), keys('A012', 140))).toEqual([
      { kind: 'typing', text: 'A' },
      { kind: 'typing', text: '0' },
      { kind: 'typing', text: '1' },
      { kind: 'typing', text: '2' },
    ]);
  });

  it('ignores Shift from scanners that send upper case as shifted keys', () => {
    const events = [
      { key: 'Shift', timeStamp: 0 },
      { key: 'A', timeStamp: 3 },
      { key: 'Shift', timeStamp: 5 },
      ...keys('012', 6, 9),
    ];
    expect(run(new KeyboardWedge(), events)).toEqual([{ kind: 'scan', code: 'A012', durationMs: 18 }]);
  });

  it('separates slow typing followed by a scan', () => {
    const events = [...keys('ab', 200, 0).slice(0, 2), ...keys('https://ytzwfw.example.cn/q/A012', 5, 2000)];
    const decisions = run(new KeyboardWedge(), events);
    expect(decisions.at(-1)).toEqual({ kind: 'scan', code: 'https://ytzwfw.example.cn/q/A012', durationMs: 31 * 5 });
    expect(decisions.slice(0, -1).every((d) => d.kind === 'typing')).toBe(true);
  });

  it('does not take a short fast burst (key rollover), a pause mid-code, or an editing key as a scan', () => {
    expect(run(new KeyboardWedge(), keys('ok', 10))).toEqual([{ kind: 'typing', text: 'ok' }]);
    // 12345 fast, a 300 ms pause, then 678 + Enter: neither part is a complete fast code ending in Enter.
    const paused = keys('12345678', 10).map((k, i) => (i >= 5 ? { ...k, timeStamp: k.timeStamp + 300 } : k));
    expect(run(new KeyboardWedge(), paused)).toEqual([
      { kind: 'typing', text: '12345' },
      { kind: 'typing', text: '678' },
    ]);
    const edited = [...keys('1234', 5).slice(0, 4), { key: 'Backspace', timeStamp: 1020 }, { key: 'Enter', timeStamp: 1025 }];
    expect(run(new KeyboardWedge(), edited)).toEqual([{ kind: 'typing', text: '1234' }, { kind: 'typing', text: '' }]);
  });

  it('attaches to a key event source, reports scans and swallows their Enter only', () => {
    let listener: ((e: KeyEventLike) => void) | undefined;
    const target = {
      addEventListener: (_: 'keydown', l: (e: KeyEventLike) => void) => (listener = l),
      removeEventListener: () => (listener = undefined),
    };
    const scans: string[] = [];
    const detach = attachKeyboardWedge(target, (c) => scans.push(c));
    let prevented = 0;
    const send = (k: { key: string; timeStamp: number }): void => listener?.({ ...k, preventDefault: () => (prevented += 1) });
    keys('B003', 10).forEach(send);
    keys('hi', 150, 5000).forEach(send);
    expect(scans).toEqual(['B003']);
    expect(prevented).toBe(1);
    detach();
    expect(listener).toBeUndefined();
  });
});
