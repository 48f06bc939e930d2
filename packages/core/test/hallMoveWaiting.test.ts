// A change that would strand waiting tickets may, by the admin's explicit choice, move them to
// another category in the same HallConfigChanged: in their place order, replayed identically.
import { describe, expect, it } from 'vitest';
import { checkConfigChange, Hall, hallFingerprint, type HallConfig, type HallEvent } from '../src/index.ts';
import { clone, refusalCode, smallHall, t } from './fixtures.ts';

const issue = (h: Hall, categoryId: string, at: string, priority: 'normal' | 'green' = 'normal') =>
  h.issueTicket({ categoryId, source: 'on-site', priority, issuerId: 'center', at });

/** The small hall without 社保就业 (its windows keep their other categories). */
const withoutSocial = (base: HallConfig): HallConfig => {
  const d = clone(base);
  d.version = base.version + 1;
  d.catalog.categories = d.catalog.categories.filter((c) => c.id !== 'social');
  d.catalog.items = d.catalog.items.filter((i) => i.categoryId !== 'social');
  for (const w of d.windows) w.categoryIds = w.categoryIds.filter((c) => c !== 'social');
  d.windows = d.windows.filter((w) => w.categoryIds.length > 0);
  return d;
};

describe('moving the waiting tickets of a category a change removes', () => {
  it('says which category strands how many, so the console can offer the move', () => {
    const base = smallHall();
    const h = new Hall(base);
    issue(h, 'social', t(1));
    issue(h, 'social', t(2));
    const p = checkConfigChange(h.state, withoutSocial(base)).find((x) => x.stranded);
    expect(p?.stranded).toEqual({ categoryId: 'social', waiting: 2 });
  });

  it('moves them in their place order, records the move in the event, and replays to the same hall', () => {
    const base = smallHall();
    const h = new Hall(base);
    const log: HallEvent[] = [];
    h.onEvent((e) => log.push(e));
    const s1 = issue(h, 'social', t(1)).ticketId;
    const g1 = issue(h, 'general', t(2)).ticketId;
    const s2 = issue(h, 'social', t(3)).ticketId;
    const sGreen = issue(h, 'social', t(4), 'green').ticketId;
    const g2 = issue(h, 'general', t(5)).ticketId;

    const [e] = h.changeConfig(withoutSocial(base), 'admin:a', t(6), [
      { fromCategoryId: 'social', toCategoryId: 'general' },
    ]);
    expect(e?.type === 'HallConfigChanged' && e.moves).toEqual([
      { fromCategoryId: 'social', toCategoryId: 'general', ticketIds: [sGreen, s1, s2] },
    ]);
    // Each keeps its place: merged with 综合受理's line by the time it was taken.
    expect(h.state.lines.categoryLine('general', 'normal').map((x) => x.id)).toEqual([s1, g1, s2, g2]);
    expect(h.state.lines.categoryLine('general', 'green').map((x) => x.id)).toEqual([sGreen]);
    expect(h.state.tickets.get(s1)?.number).toMatch(/^[A-Z]+\d+$/); // the printed number stays
    expect(hallFingerprint(Hall.replay(base, log).state)).toBe(hallFingerprint(h.state));

    // The moved tickets' prefix still belongs to nobody else: the next change is not refused for it.
    const again = clone(h.state.config);
    again.version += 1;
    again.catalog.hall.address = '新地址';
    expect(checkConfigChange(h.state, again).filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('refuses a move to a category that does not exist after the change, or to a category without a window, and changes nothing', () => {
    const base = smallHall();
    const h = new Hall(base);
    issue(h, 'social', t(1));
    const before = hallFingerprint(h.state);
    const gone = withoutSocial(base);
    expect(
      refusalCode(() => h.changeConfig(gone, 'admin', t(2), [{ fromCategoryId: 'social', toCategoryId: 'nope' }])),
    ).toBe('config-change-refused');
    const unserved = clone(gone);
    unserved.windows = unserved.windows.filter((w) => !w.categoryIds.includes('tax'));
    expect(
      refusalCode(() => h.changeConfig(unserved, 'admin', t(2), [{ fromCategoryId: 'social', toCategoryId: 'tax' }])),
    ).toBe('config-change-refused');
    expect(hallFingerprint(h.state)).toBe(before);
  });
});
