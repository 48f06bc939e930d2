import { shippedHall } from '@hallkit/testkit';
import { describe, expect, it } from 'vitest';
import { Hall, hallSnapshot, type CallMessage } from '@hallkit/core';
import { BoardModel } from '../src/board/BoardModel.ts';
import { BoardConfigSchema } from '../src/board/BoardConfig.ts';
import { boardView, effectiveConfig, overrideFromQuery } from '../src/renderer/board/boardView.ts';
import { CallTracker } from '../src/renderer/board/CallTracker.ts';

function hallWithCalls() {
  const hall = new Hall(shippedHall('yantai', { allDay: true }));
  let t = Date.parse('2025-03-03T01:30:00Z');
  const at = () => new Date((t += 1000)).toISOString();
  for (const w of ['w1', 'w18', 'w79']) hall.openWindow(w, { id: w, name: `staff ${w}` }, at());
  for (const c of ['general', 'police']) for (let i = 0; i < 3; i++) hall.issueTicket({ categoryId: c, source: 'on-site', priority: 'normal', issuerId: 'center', at: at() });
  const calls: CallMessage[] = [];
  for (const w of ['w1', 'w79', 'w18']) {
    const { called } = hall.callNext(w, at());
    const win = hall.window(w);
    calls.push({ v: 1, ticketId: called!.id, number: called!.number, categoryId: called!.categoryId, windowId: w, windowNumber: win.config.number, recall: false, at: new Date(t).toISOString(), voice: null as never });
  }
  const model = new BoardModel({ deviceId: 'b', hallId: 'yantai' });
  model.applySnapshot(hallSnapshot(hall.state, at()));
  return { hall, model, calls };
}

describe('boardView', () => {
  it('whole hall: every call and category; zone: only its windows and services; window: one window', () => {
    const { model } = hallWithCalls();
    const s = model.state();
    const hall = boardView(s, BoardConfigSchema.parse({}));
    expect(hall.latest?.windowNumber).toBe(18);
    expect(hall.recent.map((c) => c.windowNumber)).toEqual([79, 1]);
    expect(hall.categories).toHaveLength(11);
    // The hall definition's own names on a 繁體 or English board.
    expect(boardView(s, BoardConfigSchema.parse({ uiLanguage: 'en' })).categories.find((c) => c.id === 'tax')?.name).toBe('Tax Services');
    expect(boardView(s, BoardConfigSchema.parse({ uiLanguage: 'zh-TW' })).categories.find((c) => c.id === 'tax')?.name).toBe('辦稅服務'); // the 10 window zones' categories and the 24-hour self-service one
    const zone = boardView(s, BoardConfigSchema.parse({ layout: 'zone', zoneId: 'zhjw' }));
    expect(zone.latest?.windowNumber).toBe(79);
    expect(zone.recent).toHaveLength(0);
    expect(zone.categories.map((c) => c.id)).toEqual(['police']);
    const strip = boardView(s, BoardConfigSchema.parse({ layout: 'window', windowId: 'w1' }));
    expect(strip.strip).toMatchObject({ windowNumber: 1, number: 'A001', status: 'open' });
  });

  it('a window’s label (hall definition) in the board’s language: on its strip and with the latest call, never for another window', () => {
    const { model } = hallWithCalls();
    model.setWindowLabels({ w18: { label: '绿色通道', labelI18n: { 'zh-TW': '綠色通道', en: 'Green Channel' } }, w1: { label: '无差别受理' } });
    const s = model.state();
    expect(boardView(s, BoardConfigSchema.parse({})).latestLabel).toBe('绿色通道');
    expect(boardView(s, BoardConfigSchema.parse({ uiLanguage: 'en' })).latestLabel).toBe('Green Channel');
    expect(boardView(s, BoardConfigSchema.parse({ layout: 'window', windowId: 'w18', uiLanguage: 'zh-TW' })).strip?.label).toBe('綠色通道');
    // No translation: the Simplified label, as every other name of the definition.
    expect(boardView(s, BoardConfigSchema.parse({ layout: 'window', windowId: 'w1', uiLanguage: 'en' })).strip?.label).toBe('无差别受理');
    expect(boardView(s, BoardConfigSchema.parse({ layout: 'window', windowId: 'w79' })).strip?.label).toBeNull();
    expect(boardView(s, BoardConfigSchema.parse({ layout: 'zone', zoneId: 'zhjw' })).latestLabel).toBeNull();
  });

  it('takes layout, zone, window and language from the address', () => {
    const o = overrideFromQuery('?layout=led&zone=zhzw&window=w5&lang=en&layout2=x');
    expect(o).toEqual({ layout: 'led', zoneId: 'zhzw', windowId: 'w5', uiLanguage: 'en' });
    expect(overrideFromQuery('?layout=nonsense')).toEqual({});
    expect(effectiveConfig(BoardConfigSchema.parse({ layout: 'hall' }), o).layout).toBe('led');
  });
});

describe('CallTracker', () => {
  it('is silent on the first state (a rebuild), then reports only new live calls, oldest first', () => {
    const { model, calls } = hallWithCalls();
    const tracker = new CallTracker();
    expect(tracker.update(model.state())).toEqual([]); // not live yet: shown, not announced
    model.setLive(true);
    expect(tracker.update(model.state())).toEqual([]); // the first live state: the rebuild
    const next = { ...calls[0]!, ticketId: 'x1', at: '2030-01-01T00:00:00.000Z' };
    const after = { ...calls[0]!, ticketId: 'x2', at: '2030-01-01T00:00:01.000Z' };
    model.applyCall(next);
    model.applyCall(after);
    expect(tracker.update(model.state()).map((c) => c.ticketId)).toEqual(['x1', 'x2']);
    expect(tracker.update(model.state())).toEqual([]);
  });
});

describe('boardView (issue 16: what the hall sees)', () => {
  it('a recall does not add a history row: each ticket once, at its last call', () => {
    const { hall, model, calls } = hallWithCalls();
    model.applyCall(calls[0]!);
    model.applyCall(calls[1]!);
    model.applyCall(calls[2]!);
    const first = calls[0]!;
    const recall = hall.recall(first.windowId, '2025-03-03T01:40:00.000Z');
    expect(recall).toBeDefined();
    model.applyCall({ ...first, recall: true, at: '2025-03-03T01:40:00.000Z' });
    model.applyCall({ ...first, recall: true, at: '2025-03-03T01:41:00.000Z' });
    const v = boardView(model.state(), BoardConfigSchema.parse({}));
    expect(v.latest?.ticketId).toBe(first.ticketId);
    const ids = v.recent.map((c) => c.ticketId);
    expect(ids).not.toContain(first.ticketId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the window strip marks a 绿色通道 ticket at the counter, from the snapshot and from a live call', () => {
    const hall = new Hall(shippedHall('yantai', { allDay: true }));
    let t = Date.parse('2025-03-03T01:30:00Z');
    const at = () => new Date((t += 1000)).toISOString();
    hall.openWindow('w1', { id: 'YT0101', name: '张' }, at());
    hall.issueTicket({ categoryId: 'general', source: 'on-site', priority: 'normal', issuerId: 'center', at: at() });
    hall.issueTicket({ categoryId: 'general', source: 'on-site', priority: 'green', issuerId: 'desk:YTDF01', at: at() });
    const { called } = hall.callNext('w1', at());
    expect(called?.priority).toBe('green');
    const model = new BoardModel({ deviceId: 'b', hallId: 'yantai' });
    model.applySnapshot(hallSnapshot(hall.state, at()));
    const config = BoardConfigSchema.parse({ layout: 'window', windowId: 'w1' });
    expect(boardView(model.state(), config).strip).toMatchObject({ number: called?.number, green: true });
    hall.finish('w1', 'completed', at());
    const next = hall.callNext('w1', at()).called;
    model.applyCall({ v: 1, ticketId: next!.id, number: next!.number, categoryId: 'general', windowId: 'w1', windowNumber: 1, recall: false, at: at(), priority: 'normal', voice: null as never });
    expect(boardView(model.state(), config).strip).toMatchObject({ number: next?.number, green: false });
  });

  it('the window strip lets go of the number after 办结 (a newer snapshot says nobody is at the counter)', () => {
    const { hall, model, calls } = hallWithCalls();
    const c = calls.find((x) => x.windowId === 'w1')!;
    model.applyCall(c);
    const strip = () => boardView(model.state(), BoardConfigSchema.parse({ layout: 'window', windowId: 'w1' })).strip;
    expect(strip()?.number).toBe(c.number);
    hall.finish('w1', 'completed', '2025-03-03T02:00:00.000Z');
    model.applySnapshot(hallSnapshot(hall.state, '2025-03-03T02:00:01.000Z'));
    expect(strip()?.number).toBeNull();
  });

  it('a zone board lists every category its windows serve; the view carries the hall\'s time zone', () => {
    const { hall, model } = hallWithCalls();
    const s = model.state();
    for (const zone of hall.state.config.catalog.zones) {
      const served = new Set(hall.state.config.windows.filter((w) => w.zoneId === zone.id).flatMap((w) => w.categoryIds));
      const shown = new Set(boardView(s, BoardConfigSchema.parse({ layout: 'zone', zoneId: zone.id })).categories.map((c) => c.id));
      for (const id of served) expect(shown.has(id), `${zone.id} shows ${id}`).toBe(true);
    }
    model.setTimeZone('Asia/Urumqi');
    expect(boardView(model.state(), BoardConfigSchema.parse({})).timeZone).toBe('Asia/Urumqi');
  });
});
