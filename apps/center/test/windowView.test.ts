// The window console's view on the wire (issue 16): it parses with its versioned zod schema, and the
// service items — in the list to pick from, in the waiting rows and at the counter — carry the hall
// definition's 繁體/English names, so a zh-TW or en console shows no Simplified item names.
import { describe, expect, it } from 'vitest';
import { Hall, localName } from '@hallkit/core';
import { shippedHall } from '@hallkit/testkit';
import { windowView } from '../src/server/views/windowView.ts';
import { WINDOW_VIEW_VERSION, WindowViewSchema } from '../src/server/views/WindowViewSchema.ts';

describe('the window console view', () => {
  it('is version 2 and carries the hall definition’s item names in zh-TW and en', () => {
    const def = shippedHall('yantai', { allDay: true });
    const h = new Hall(def);
    const at = '2026-11-23T02:00:00Z';
    const item = def.catalog.items.find((i) => i.categoryId === 'general' && i.i18n?.en && i.i18n['zh-TW']);
    if (!item) throw new Error('a translated general item');
    h.openWindow('w5', { id: 'YT0501', name: '王晓燕' }, at);
    for (let i = 0; i < 2; i++) h.issueTicket({ categoryId: 'general', itemId: item.id, source: 'on-site', priority: 'normal', issuerId: 'center', at });
    h.callNext('w5', at);
    const v = WindowViewSchema.parse(windowView(h.state, 'w5', undefined, at));
    expect(v.v).toBe(WINDOW_VIEW_VERSION);
    expect(WINDOW_VIEW_VERSION).toBe(2);
    for (const lang of ['zh-TW', 'en'] as const) {
      const want = item.i18n?.[lang];
      expect(localName(v.items.find((i) => i.id === item.id) ?? { name: '' }, lang)).toBe(want);
      expect(localName({ name: v.waiting[0]?.itemName ?? '', i18n: v.waiting[0]?.itemI18n }, lang)).toBe(want);
      expect(localName({ name: v.current?.itemName ?? '', i18n: v.current?.itemI18n }, lang)).toBe(want);
    }
    // Transfer targets name what they serve by category id, so the console can say it in its language.
    expect(v.windows.find((w) => w.id === 'w6')).toBeUndefined(); // closed: counted, not listed
    expect(v.closedWindows).toBeGreaterThan(0);
  });

  it('carries the window’s label from the hall definition (and the transfer targets’), absent where it has none; a view without labels still reads', () => {
    const def = shippedHall('yantai', { allDay: true });
    def.windows = def.windows.map((w) => (w.id === 'w6' ? { ...w, label: '绿色通道', labelI18n: { 'zh-TW': '綠色通道', en: 'Green Channel' } } : w));
    const h = new Hall(def);
    const at = '2026-11-23T02:00:00Z';
    for (const w of ['w1', 'w6', 'w18']) h.openWindow(w, { id: `s-${w}`, name: w }, at);
    const v = WindowViewSchema.parse(windowView(h.state, 'w1', undefined, at));
    expect(v.window).toMatchObject({ label: '无差别受理', labelI18n: { 'zh-TW': '無差別受理', en: 'All-services window' } });
    expect(v.windows.find((w) => w.id === 'w6')).toMatchObject({ label: '绿色通道', labelI18n: { en: 'Green Channel' } });
    expect(v.windows.find((w) => w.id === 'w18')?.label).toBeUndefined();
    expect(WindowViewSchema.parse(windowView(h.state, 'w18', undefined, at)).window.label).toBeUndefined();
    const { label: _label, labelI18n: _i18n, ...before } = v.window;
    expect(WindowViewSchema.safeParse({ ...v, window: before }).success).toBe(true);
  });

  it('refuses a view of another version: a console left open across an upgrade says so, it does not guess', () => {
    const def = shippedHall('yantai', { allDay: true });
    const h = new Hall(def);
    const v = windowView(h.state, 'w5', undefined, '2026-11-23T02:00:00Z');
    expect(WindowViewSchema.safeParse({ ...v, v: 1 }).success).toBe(false);
  });
});
