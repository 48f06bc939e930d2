// What a window's LED strip shows: the same as the board's window layout (WindowStrip.tsx) — the
// ticket being served and where to go, 暂停服务 / 暂停受理, the staff name — on two lines of the card.
import type { LedStripConfig } from '@hallkit/core';
import type { StripScreen } from '@hallkit/devices';
import type { WindowStripView } from '../renderer/board/boardView.ts';

export const STRIP_TEXT = {
  paused: '暂停服务',
  closed: '暂停受理',
  welcome: '欢迎光临',
  window: (n: number) => `${n}号窗口`,
  goTo: (n: number) => ` 请到${n}号窗口`,
  /** The hall's 绿色通道 mark: one GB2312 character every font card draws, in green, before the number. */
  green: '绿 ',
} as const;

/**
 * The strip's screen, or null while the window is not known yet (nothing is better than a wrong window).
 * The window's label (「绿色通道」, `view.label`) is left off: the card's two short lines are full with
 * the number, 「请到N号窗口」 and the staff name, and a label would push the number off the line.
 * The LCD window strip (WindowStrip.tsx) shows it.
 */
export function windowStripScreen(view: WindowStripView | null, colours: LedStripConfig['colours']): StripScreen | null {
  if (!view || view.windowNumber === null) return null;
  const n = view.windowNumber;
  const staffLine = { runs: [{ text: view.staffName ? `${STRIP_TEXT.window(n)} ${view.staffName}` : STRIP_TEXT.window(n), colour: colours.staff }] };
  if (view.status === 'paused') return { lines: [{ runs: [{ text: STRIP_TEXT.paused, colour: colours.notice }] }, staffLine] };
  if (view.status === 'closed') return { lines: [{ runs: [{ text: STRIP_TEXT.window(n), colour: colours.text }] }, { runs: [{ text: STRIP_TEXT.closed, colour: colours.notice }] }] };
  if (view.number) {
    return {
      lines: [
        { runs: [...(view.green ? [{ text: STRIP_TEXT.green, colour: 'green' as const }] : []), { text: view.number, colour: colours.number }, { text: STRIP_TEXT.goTo(n), colour: colours.text }] },
        view.staffName ? { runs: [{ text: view.staffName, colour: colours.staff }] } : { runs: [{ text: STRIP_TEXT.window(n), colour: colours.staff }] },
      ],
    };
  }
  return { lines: [{ runs: [{ text: STRIP_TEXT.window(n), colour: colours.text }] }, view.staffName ? { runs: [{ text: view.staffName, colour: colours.staff }] } : { runs: [{ text: STRIP_TEXT.welcome, colour: colours.staff }] }] };
}

/**
 * What a -YY card says for a call: the ticket read digit by digit ([n1]) and the window number as a
 * number ([n0] back to automatic), as the speakers say it (请A012号到5号窗口办理).
 */
export function stripSpeech(number: string, windowNumber: number): string {
  return `请[n1]${number}[n0]号到${windowNumber}号窗口办理`;
}
