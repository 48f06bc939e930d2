import { DomainError, HallConfigSchema, openAllDay, type HallConfig } from '../src/index.ts';
import qingdao from '../../../halls/qingdao.json' with { type: 'json' };
import yantai from '../../../halls/yantai.json' with { type: 'json' };
import zhaoyuan from '../../../halls/zhaoyuan.json' with { type: 'json' };

/** A deep copy (the pure core's tests have no DOM or Node globals such as structuredClone). */
export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const FILES = { yantai, qingdao, zhaoyuan };
const parsed = new Map<string, HallConfig>();

/** A hall file the product ships (halls/*.json); `allDay`: its demo version, so rule tests ignore the clock. */
export function shippedHall(name: 'yantai' | 'qingdao' | 'zhaoyuan', opts: { allDay?: boolean } = {}): HallConfig {
  // Parsed once and shared (property tests build hundreds of halls from it): treat it as read-only;
  // a test that edits a definition clones it first (structuredClone).
  const key = `${name}/${opts.allDay === true}`;
  let def = parsed.get(key);
  if (!def) {
    const plain = HallConfigSchema.parse(FILES[name]);
    def = opts.allDay ? openAllDay(plain, plain.version) : plain;
    parsed.set(key, Object.freeze(def));
  }
  return def;
}

/** A small hall for rule tests: 3 categories, 4 windows with different calling rules. */
export function smallHall(overrides: Partial<HallConfig> = {}): HallConfig {
  const base = shippedHall('yantai', { allDay: true });
  return {
    ...base,
    windows: [
      {
        id: 'w1',
        number: 1,
        zoneId: 'zhzw',
        categoryIds: ['general', 'social'],
        rule: { mode: 'interleave', priority: 1, normal: 2 },
      },
      { id: 'w2', number: 2, zoneId: 'zhzw', categoryIds: ['general'], rule: { mode: 'strict' } },
      {
        id: 'w3',
        number: 3,
        zoneId: 'sbjy',
        categoryIds: ['social'],
        rule: { mode: 'interleave', priority: 2, normal: 1 },
      },
      { id: 'w4', number: 4, zoneId: 'sw', categoryIds: ['tax'], rule: { mode: 'strict' } },
    ],
    numbering: { blockSize: 5 },
    ...overrides,
  };
}

/** Minutes after 09:00 on Monday 2026-11-23, Beijing time, as an ISO string. */
export function t(minutes: number, seconds = 0): string {
  return new Date(Date.parse('2026-11-23T09:00:00+08:00') + minutes * 60_000 + seconds * 1000).toISOString();
}

/** The code a command is refused with, or `accepted`: one line per rule in a test. */
export function refusalCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'accepted';
}
