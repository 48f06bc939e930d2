import { describe, expect, it } from 'vitest';
import type { CallMessage, HallSnapshot } from '@hallkit/core';
import { BoardModel } from '../src/board/BoardModel.ts';
import { BoardStateSchema } from '../src/board/BoardState.ts';

const at = (s: number) => new Date(Date.UTC(2025, 0, 6, 1, 0, s)).toISOString();
const call = (n: number, sec: number, recall = false): CallMessage => ({
  v: 1, ticketId: `T${n}`, number: `A${String(n).padStart(3, '0')}`, categoryId: 'c1', windowId: 'w5', windowNumber: 5, recall, at: at(sec),
  voice: { text: `请A${String(n).padStart(3, '0')}号到5号窗口办理`, tokens: [] },
});
const snapshot = (eventCount: number, calls: CallMessage[]): HallSnapshot => ({
  v: 1, hallId: 'h1', hallName: '测试大厅', at: at(59), eventCount,
  categories: [{ id: 'c1', zoneId: 'z1', name: '社保', prefix: 'A', waiting: 3, estimatedWaitMinutes: 12, lastCalled: null }],
  windows: [{ id: 'w5', number: 5, zoneId: 'z1', status: 'open', staffName: null, currentTicket: null, waitingHere: 3 }],
  recentCalls: calls.map((c) => ({ ticketId: c.ticketId, number: c.number, categoryId: c.categoryId, windowId: c.windowId, windowNumber: c.windowNumber, at: c.at, recall: c.recall })),
});

describe('BoardModel', () => {
  it('builds the board from a snapshot and adds live calls newest first', () => {
    const m = new BoardModel({ deviceId: 'board-1', hallId: 'h1' });
    m.applySnapshot(snapshot(10, [call(1, 1), call(2, 2)]));
    expect(m.applyCall(call(3, 3))).toBe(true);
    const s = BoardStateSchema.parse(m.state());
    expect(s.calls.map((c) => [c.number, c.live])).toEqual([['A003', true], ['A002', false], ['A001', false]]);
    expect(s.snapshot?.hallName).toBe('测试大厅');
  });

  it('never shows a call twice: redelivery, and a snapshot after a reconnect listing what is shown', () => {
    const m = new BoardModel({ deviceId: 'board-1', hallId: 'h1' });
    m.setLive(true);
    expect(m.applyCall(call(1, 1))).toBe(true);
    expect(m.applyCall(call(1, 1))).toBe(false);
    m.setLive(false);
    expect(m.state().live).toBe(false);
    m.setLive(true);
    m.applySnapshot(snapshot(12, [call(1, 1), call(2, 2)]));
    expect(m.state().calls.map((c) => c.number)).toEqual(['A002', 'A001']);
    // Its own message arrives after the snapshot had it: still one entry, now live (so it is announced
    // once, unless the voice queue finds it too old); a redelivery after that changes nothing.
    expect(m.applyCall(call(2, 2))).toBe(true);
    expect(m.state().calls.map((c) => [c.number, c.live])).toEqual([['A002', true], ['A001', true]]);
    expect(m.applyCall(call(2, 2))).toBe(false);
  });

  it('a call is announced once, whether its snapshot or its own message comes first', async () => {
    const { CallTracker } = await import('../src/renderer/board/CallTracker.ts');
    const m = new BoardModel({ deviceId: 'board-1', hallId: 'h1' });
    const tracker = new CallTracker();
    m.setLive(true);
    m.applySnapshot(snapshot(30, [call(1, 1)]));
    expect(tracker.update(m.state())).toEqual([]); // the rebuild: shown, not said
    m.applySnapshot(snapshot(31, [call(1, 1), call(2, 2)])); // the snapshot listing A002 comes first…
    expect(tracker.update(m.state()).map((c) => c.number)).toEqual(['A002']);
    m.applyCall(call(2, 2)); // …then A002's own call message: already said
    expect(tracker.update(m.state())).toEqual([]);
    m.applyCall(call(3, 3)); // the usual order: the message, then the snapshot that lists it
    expect(tracker.update(m.state()).map((c) => c.number)).toEqual(['A003']);
    m.applySnapshot(snapshot(32, [call(1, 1), call(2, 2), call(3, 3)]));
    expect(tracker.update(m.state())).toEqual([]);
  });

  it('a board started from its saved snapshot shows it until the center speaks, then takes the center\'s word', () => {
    const m = new BoardModel({ deviceId: 'board-1', hallId: 'h1' });
    expect(m.restore(snapshot(50, [call(1, 1), call(2, 2)]))).toBe(true);
    expect(m.state()).toMatchObject({ live: false, restored: true });
    expect(m.restore(snapshot(60, []))).toBe(false); // only ever onto an empty board
    m.setLive(true);
    // The center's database was restored from a backup: its count is lower, its word still wins.
    expect(m.applySnapshot(snapshot(45, [call(1, 1)]))).toBe(true);
    expect(m.state()).toMatchObject({ restored: false, snapshot: { eventCount: 45 } });
    expect(m.applySnapshot(snapshot(44, []))).toBe(false); // after that, older is older again

    const n = new BoardModel({ deviceId: 'board-1', hallId: 'h1' });
    n.restore(snapshot(50, [call(1, 1)]));
    const rev = n.revision;
    expect(n.applyCall(call(1, 1))).toBe(true); // listed in the saved copy: confirmed, not added
    expect(n.state().calls).toHaveLength(1);
    expect(n.state().restored).toBe(false);
    expect(n.revision).toBeGreaterThan(rev);
  });

  it('a board started from its saved snapshot says nothing until the first live state from the center', async () => {
    const { CallTracker } = await import('../src/renderer/board/CallTracker.ts');
    const tracker = new CallTracker();
    const m = new BoardModel({ deviceId: 'board-1', hallId: 'h1' });
    m.restore(snapshot(50, [call(1, 1)]));
    expect(tracker.update(m.state())).toEqual([]);
    m.setLive(true); // connected, but the center has not spoken yet
    expect(tracker.update(m.state())).toEqual([]);
    m.applySnapshot(snapshot(52, [call(1, 1), call(2, 2)])); // made while the board was off: the rebuild
    expect(tracker.update(m.state())).toEqual([]);
    m.applyCall(call(3, 3));
    expect(tracker.update(m.state()).map((c) => c.number)).toEqual(['A003']);
  });

  it('a host restart under an open page does not make its snapshot sound like new calls', async () => {
    const { CallTracker } = await import('../src/renderer/board/CallTracker.ts');
    const tracker = new CallTracker();
    const before = new BoardModel({ deviceId: 'board-1', hallId: 'h1' });
    before.setLive(true);
    before.applySnapshot(snapshot(40, [call(1, 1)]));
    tracker.update(before.state());
    before.applyCall(call(2, 2));
    expect(tracker.update(before.state()).map((c) => c.number)).toEqual(['A002']);
    const restarted = new BoardModel({ deviceId: 'board-1', hallId: 'h1' });
    expect(tracker.update(restarted.state())).toEqual([]); // nothing yet: not news
    restarted.applySnapshot(snapshot(41, [call(1, 1), call(2, 2)]));
    expect(tracker.update(restarted.state())).toEqual([]);
  });

  it('a recall is a new call; an older snapshot is ignored; other halls are ignored', () => {
    const m = new BoardModel({ deviceId: 'board-1', hallId: 'h1' });
    m.applySnapshot(snapshot(20, [call(1, 1)]));
    expect(m.applyCall(call(1, 9, true))).toBe(true);
    expect(m.applySnapshot(snapshot(19, []))).toBe(false);
    expect(m.applySnapshot({ ...snapshot(30, []), hallId: 'other' })).toBe(false);
    expect(m.state().calls.map((c) => `${c.number}${c.recall ? '*' : ''}`)).toEqual(['A001*', 'A001']);
    expect(m.state().snapshot?.eventCount).toBe(20);
  });

  it('stays bounded over many calls and hands out states that never change afterwards', () => {
    const m = new BoardModel({ deviceId: 'board-1', hallId: 'h1', keepCalls: 10, rememberKeys: 100 });
    const early = m.state();
    for (let i = 0; i < 5000; i++) m.applyCall({ ...call(i, 0), at: new Date(Date.UTC(2025, 0, 6) + i * 1000).toISOString() });
    expect(m.state().calls).toHaveLength(10);
    expect(m.state().calls[0]?.number).toBe('A4999');
    expect(m.rememberedKeys).toBe(100);
    expect(early.calls).toHaveLength(0);
  });

  it('the board notice overrides the hall notice', () => {
    const m = new BoardModel({ deviceId: 'board-1', hallId: 'h1' });
    m.setHallNotice('午间不休息');
    expect(m.state().notice).toBe('午间不休息');
    m.setConfig({ ...m.state().config, notice: '本区域今日检修' });
    expect(m.state().notice).toBe('本区域今日检修');
  });
});
