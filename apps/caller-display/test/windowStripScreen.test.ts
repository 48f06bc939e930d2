import { describe, expect, it } from 'vitest';
import { StripScreenSchema, stripAreas } from '@hallkit/devices';
import { stripSpeech, windowStripScreen } from '../src/hardware/windowStripScreen.ts';

const colours = { number: 'red', text: 'green', staff: 'yellow', notice: 'yellow' } as const;
const text = (s: ReturnType<typeof windowStripScreen>) => s?.lines.map((l) => l.runs.map((r) => r.text).join('')).join('\n');

describe('what a window’s LED strip shows (the board’s window layout)', () => {
  it('the called ticket and where to go, the staff below', () => {
    const s = windowStripScreen({ windowId: 'w5', windowNumber: 5, number: 'A012', status: 'open', staffName: '王晓燕', green: false }, colours);
    expect(text(s)).toBe('A012 请到5号窗口\n王晓燕');
    expect(s?.lines[0]?.runs.map((r) => r.colour)).toEqual(['red', 'green']);
  });
  it('暂停服务 while paused, 暂停受理 when closed, window and staff when idle, nothing while unknown', () => {
    expect(text(windowStripScreen({ windowId: 'w5', windowNumber: 5, number: 'A012', status: 'paused', staffName: '王晓燕', green: false }, colours))).toBe('暂停服务\n5号窗口 王晓燕');
    expect(text(windowStripScreen({ windowId: 'w5', windowNumber: 5, number: null, status: 'closed', staffName: null, green: false }, colours))).toBe('5号窗口\n暂停受理');
    expect(text(windowStripScreen({ windowId: 'w5', windowNumber: 5, number: null, status: 'open', staffName: null, green: false }, colours))).toBe('5号窗口\n欢迎光临');
    expect(windowStripScreen({ windowId: 'w5', windowNumber: null, number: null, status: 'unknown', staffName: null, green: false }, colours)).toBeNull();
  });
  it('a 绿色通道 ticket carries the hall’s mark 「绿」 in green before its number (GB2312, drawn by the card’s own font)', () => {
    const s = windowStripScreen({ windowId: 'w5', windowNumber: 5, number: 'A012', status: 'open', staffName: '王晓燕', green: true }, colours);
    expect(text(s)).toBe('绿 A012 请到5号窗口\n王晓燕');
    expect(s?.lines[0]?.runs.map((r) => r.colour)).toEqual(['green', 'red', 'green']);
    // Still one line on the default 160-dot strip with the 16-dot font: 2×16 + 5×8 + 5×16 = 152 dots.
    expect(stripAreas(StripScreenSchema.parse(s), { width: 160, height: 32 }).command.areas[0]?.effect).toBe('static');
    expect(stripAreas(StripScreenSchema.parse(s), { width: 160, height: 32 }).missing).toEqual([]);
    // Paused or closed: no number, so no mark.
    expect(text(windowStripScreen({ windowId: 'w5', windowNumber: 5, number: 'A012', status: 'paused', staffName: '王晓燕', green: true }, colours))).not.toContain('绿');
  });
  it('the card says the ticket digit by digit and the window as a number', () => {
    expect(stripSpeech('A012', 12)).toBe('请[n1]A012[n0]号到12号窗口办理');
  });
});
