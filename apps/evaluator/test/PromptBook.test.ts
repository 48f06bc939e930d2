// The pad's rating record on a real SQLite file: one rating per service, reasons for a 差评, lapses
// that are never a default rating, replayed prompts ignored, and the outbox event in the same commit.
import { describe, expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvaluationPrompt } from '@hallkit/core';
import { DeviceStore, type Logger } from '@hallkit/sync';
import { PAD_MIGRATIONS } from '../src/host/padMigrations.ts';
import { PromptBook, RatingRefused } from '../src/host/PromptBook.ts';

const lines: string[] = [];
const logger: Logger = { debug: () => undefined, info: (m) => void lines.push(m), warn: (m) => void lines.push(m), error: (m) => void lines.push(m) };
const T0 = Date.parse('2026-03-02T01:00:00Z');

function open(path = join(mkdtempSync(join(tmpdir(), 'hallkit-ev-book-')), 'pad.db')) {
  const store = DeviceStore.open({ path, migrations: PAD_MIGRATIONS, logger });
  return { store, book: new PromptBook(store, logger), path };
}
const prompt = (n: number, finishedAt = T0): EvaluationPrompt => ({
  serviceId: `svc-${n}`, ticketId: `t-${n}`, number: `A00${n}`, itemId: n % 2 ? 'item-1' : null, itemName: null, categoryName: '综合',
  windowId: 'w5', staffId: 'YT0501', staffName: '王晓燕', finishedAt: new Date(finishedAt).toISOString(), deadline: new Date(finishedAt + 30_000).toISOString(),
});
const events = (store: DeviceStore) => store.outbox.read(1, 100).map((r) => JSON.parse(r.json) as Record<string, unknown>);

describe('PromptBook', () => {
  test('a good level is recorded once with channel, window, staff and item; a second touch is refused', () => {
    const { store, book } = open();
    expect(book.offer(prompt(1), T0 + 1000)).toBe('shown');
    expect(book.choose('svc-1', 'satisfied', T0 + 2000)).toBe('thanks');
    expect(() => book.choose('svc-1', 'very-satisfied', T0 + 2100)).toThrow(RatingRefused);
    const ev = events(store);
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ type: 'EvaluationGiven', serviceId: 'svc-1', ticketId: 't-1', level: 'satisfied', channel: 'hall-pad', windowId: 'w5', staffId: 'YT0501', itemId: 'item-1', reasons: [] });
  });

  test('a 差评 locks its level, needs a listed reason, and gets the whole rating window for the reasons', () => {
    const { store, book } = open();
    book.offer(prompt(2), T0);
    expect(book.choose('svc-2', 'dissatisfied', T0 + 25_000)).toBe('reasons');
    expect(() => book.choose('svc-2', 'satisfied', T0 + 25_100)).toThrow(/already has a level/);
    expect(() => book.submitReasons('svc-2', [], undefined, ['attitude'], T0 + 26_000)).toThrow(/at least one reason/);
    expect(() => book.submitReasons('svc-2', ['made-up'], undefined, ['attitude'], T0 + 26_000)).toThrow(/not offered/);
    // Past the original 30 s deadline, still within 30 s of the 差评 touch.
    expect(book.lapseDue(T0 + 40_000)).toBe(0);
    expect(book.submitReasons('svc-2', ['attitude', 'attitude'], '  等了很久  ', ['attitude'], T0 + 40_000)).toBe('thanks');
    expect(events(store)).toEqual([expect.objectContaining({ level: 'dissatisfied', reasons: ['attitude'], comment: '等了很久' })]);
    expect(events(store)[0]).not.toHaveProperty('itemId');
  });

  test('no touch in time → EvaluationLapsed, never a rating; a late touch is refused', () => {
    const { store, book } = open();
    book.offer(prompt(3), T0);
    expect(book.lapseDue(T0 + 29_000)).toBe(0);
    expect(book.lapseDue(T0 + 30_000)).toBe(1);
    expect(() => book.choose('svc-3', 'satisfied', T0 + 31_000)).toThrow(/not rated/);
    expect(events(store).map((e) => e.type)).toEqual(['EvaluationLapsed']);
  });

  test('a replayed prompt is ignored; a newer service closes the open one as not rated; a stale prompt lapses at once', () => {
    const { store, book } = open();
    book.offer(prompt(4), T0);
    book.choose('svc-4', 'very-satisfied', T0 + 1000);
    expect(book.offer(prompt(4), T0 + 2000)).toBe('duplicate');
    expect(lines).toContain('prompt for a closed service ignored');
    book.offer(prompt(5), T0 + 3000);
    book.offer(prompt(6), T0 + 4000);
    expect(book.open()?.prompt.serviceId).toBe('svc-6');
    expect(book.offer(prompt(7, T0 - 120_000), T0 + 5000)).toBe('too-late');
    expect(events(store).map((e) => `${String(e.type)}:${String(e.serviceId)}`)).toEqual([
      'EvaluationGiven:svc-4', 'EvaluationLapsed:svc-5', 'EvaluationLapsed:svc-6', 'EvaluationLapsed:svc-7',
    ]);
  });

  test('an open prompt survives reopening the file (the pad restarted) and can still be rated once', () => {
    const a = open();
    a.book.offer(prompt(8), T0);
    a.store.close();
    const b = open(a.path);
    expect(b.book.open()?.prompt.serviceId).toBe('svc-8');
    expect(b.book.choose('svc-8', 'basically-satisfied', T0 + 5000)).toBe('thanks');
    expect(b.book.open()).toBeUndefined();
    expect(events(b.store)).toHaveLength(1);
    b.store.close();
  });
});
