import type { PriorityClass } from '../calling/CallingRule.ts';
import type { EvaluationLevel } from '../evaluation/levels.ts';
import type { HallConfig } from '../hall/HallConfig.ts';
import type { Arrival, Shift } from './Arrival.ts';

export interface GeneratedDayOptions {
  /** Tickets in the day. */
  tickets: number;
  seed: number;
  /** Local opening and closing (minutes after midnight). Default 08:30–17:00. */
  openMinute?: number;
  closeMinute?: number;
  /** Hours ahead of UTC of the hall's zone on that day (China: 8). */
  utcOffsetHours?: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so a generated day is the same every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVELS: [EvaluationLevel, number][] = [
  ['very-satisfied', 0.62],
  ['satisfied', 0.27],
  ['basically-satisfied', 0.08],
  ['dissatisfied', 0.02],
  ['very-dissatisfied', 0.01],
];

/**
 * A plausible day at a hall, for demos, tests and benchmarks: arrivals peak mid-morning and early
 * afternoon, categories weighted by their windows, some appointments and 绿色通道, a few no-shows and
 * transfers, 80 % rated at the pad (mostly 满意, a few 差评 with reasons). Every window of the config
 * is staffed for the whole opening time. Not a model of any real hall's figures.
 */
export function generateDay(config: HallConfig, day: string, o: GeneratedDayOptions): { arrivals: Arrival[]; shifts: Shift[] } {
  const random = seededRandom(o.seed);
  const midnight = Date.parse(`${day}T00:00:00Z`) - (o.utcOffsetHours ?? 8) * 3_600_000;
  const open = midnight + (o.openMinute ?? 510) * 60_000;
  const close = midnight + (o.closeMinute ?? 1020) * 60_000;
  const weights = new Map<string, number>();
  for (const w of config.windows) for (const c of w.categoryIds) weights.set(c, (weights.get(c) ?? 0) + 1 / w.categoryIds.length);
  const cats = [...weights.entries()].filter(([id]) => config.catalog.categories.some((c) => c.id === id));
  const totalWeight = cats.reduce((n, [, w]) => n + w, 0);
  const pick = <T>(pairs: [T, number][], total: number): T => {
    let x = random() * total;
    for (const [v, w] of pairs) if ((x -= w) < 0) return v;
    return (pairs.at(-1) as [T, number])[0];
  };
  const span = close - open - 30 * 60_000;
  const arrivals: Arrival[] = [];
  for (let i = 0; i < o.tickets; i++) {
    // Two humps: most arrive between 09:00–11:00 and 14:00–15:30.
    const hump = random() < 0.62 ? 0.22 : 0.68;
    const at = open + Math.min(span, Math.max(0, (hump + (random() + random() + random() - 1.5) * 0.2) * span));
    const categoryId = pick(cats, totalWeight);
    const cat = config.catalog.categories.find((c) => c.id === categoryId);
    const items = config.catalog.items.filter((it) => it.categoryId === categoryId);
    const p = random();
    const priority: PriorityClass = p < 0.03 ? 'green' : p < 0.13 ? 'appointment' : 'normal';
    const avg = cat?.averageHandlingSeconds ?? 480;
    const other = cats[Math.floor(random() * cats.length)]?.[0];
    const r = random();
    const level = pick(LEVELS, 1);
    arrivals.push({
      at: Math.round(at),
      categoryId,
      ...(items.length > 0 ? { itemId: items[Math.floor(random() * items.length)]?.id } : {}),
      priority,
      source: priority === 'appointment' ? 'appointment' : random() < 0.3 ? 'id-card' : random() < 0.1 ? 'remote' : 'on-site',
      issuerId: `kiosk-${1 + Math.floor(random() * 4)}`,
      serviceSeconds: Math.round(avg * (0.4 + 1.2 * random())),
      ...(random() < 0.04 ? { noShow: true } : {}),
      ...(random() < 0.03 && other && other !== categoryId ? { transferTo: { categoryId: other, serviceSeconds: Math.round(avg * 0.5) } } : {}),
      rating: r < 0.8 ? { level, reasons: reasonsFor(level), channel: 'hall-pad' } : 'lapse',
      ...laterRatingOf(r, level),
    });
  }
  arrivals.sort((a, b) => a.at - b.at);
  const shifts: Shift[] = config.windows.map((w) => ({
    windowId: w.id,
    staff: { id: `S${String(w.number).padStart(4, '0')}`, name: `工作人员${w.number}` },
    from: open - 10 * 60_000,
    to: close + 60 * 60_000,
  }));
  return { arrivals, shifts };
}

const reasonsFor = (level: EvaluationLevel): string[] => (level === 'dissatisfied' || level === 'very-dissatisfied' ? ['long-wait'] : []);

/**
 * About one citizen in four who leaves the pad untouched rates later by another channel: the phone
 * (most), the window's rating QR, the kiosk's rating point. Derived from the draw that chose the lapse,
 * not a new one, so a seed's day stays the day it was before later ratings were simulated.
 */
function laterRatingOf(r: number, level: EvaluationLevel): Pick<Arrival, 'laterRating'> {
  if (r < 0.8 || r >= 0.85) return {};
  const f = (r - 0.8) / 0.05;
  const channel = f < 0.5 ? 'mobile' : f < 0.8 ? 'qr-code' : 'hall-terminal';
  return { laterRating: { level, reasons: reasonsFor(level), channel, afterMinutes: 5 + Math.round(f * 1000) % 115 } };
}
