// A Qingdao-sized busy day through the domain core: 400 windows, 30,000 tickets, calls, finishes,
// ratings — then a full replay of the day's event log. Baseline in the same run: parsing the same
// log from JSON (what any replay from disk pays anyway) and validating it with the zod schemas.
import { shippedHall } from '@hallkit/testkit';
import { Hall, HallEventSchema, hallFingerprint, type HallEvent, type PriorityClass } from '@hallkit/core';
import { table, writeSection } from './report.ts';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 30_000);
const DAY_START = Date.parse('2026-11-23T08:30:00+08:00');
const DAY_MINUTES = 510;

/** Deterministic pseudo-random numbers, so every run simulates the same day. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Job {
  at: number;
  kind: 'arrive' | 'finish';
  windowId?: string;
}

/** Min-heap by time. */
class Agenda {
  private h: Job[] = [];
  push(j: Job): void {
    const h = this.h;
    h.push(j);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((h[p] as Job).at <= j.at) break;
      h[i] = h[p] as Job;
      i = p;
    }
    h[i] = j;
  }
  pop(): Job | undefined {
    const h = this.h;
    const top = h[0];
    const last = h.pop();
    if (h.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let mAt = last.at;
      if (l < h.length && (h[l] as Job).at < mAt) {
        m = l;
        mAt = (h[l] as Job).at;
      }
      if (r < h.length && (h[r] as Job).at < mAt) m = r;
      if (m === i) break;
      h[i] = h[m] as Job;
      i = m;
    }
    h[i] = last;
    return top;
  }
  get size(): number {
    return this.h.length;
  }
}

function simulateDay(): { hall: Hall; log: HallEvent[]; ms: number } {
  const config = shippedHall('qingdao', { allDay: true });
  const hall = new Hall(config);
  const log: HallEvent[] = [];
  hall.onEvent((e) => log.push(e));
  const random = rng(20261123);
  const cats = config.catalog.categories;
  const iso = (ms: number) => new Date(ms).toISOString();
  const agenda = new Agenda();
  const idle = new Set<string>();
  const t0 = performance.now();

  for (const w of config.windows) {
    hall.openWindow(
      w.id,
      { id: `QD${String(w.number).padStart(4, '0')}`, name: `窗口人员${w.number}` },
      iso(DAY_START),
    );
    idle.add(w.id);
  }
  for (let i = 0; i < TICKETS; i++)
    agenda.push({ at: DAY_START + random() * DAY_MINUTES * 60_000, kind: 'arrive' });

  const tryCall = (windowId: string, at: number) => {
    const { called } = hall.callNext(windowId, iso(at));
    if (!called) {
      idle.add(windowId);
      return;
    }
    idle.delete(windowId);
    const avg = hall.state.categories.get(called.categoryId)?.averageHandlingSeconds ?? 600;
    // 400 windows at ~7.8 min each keep up with ~59 arrivals a minute: a busy but draining day.
    agenda.push({ at: at + 1000 * avg * 0.8 * (0.3 + 1.4 * random()), kind: 'finish', windowId });
  };

  let job: Job | undefined;
  while ((job = agenda.pop())) {
    if (job.kind === 'arrive') {
      const cat = cats[Math.floor(random() * cats.length)];
      if (!cat) continue;
      const p = random();
      const priority: PriorityClass = p < 0.05 ? 'green' : p < 0.15 ? 'appointment' : 'normal';
      hall.issueTicket({
        categoryId: cat.id,
        source: priority === 'appointment' ? 'appointment' : 'on-site',
        priority,
        issuerId: `kiosk-${Math.floor(random() * 50)}`,
        at: iso(job.at),
      });
      for (const id of idle) {
        if (hall.window(id).config.categoryIds.includes(cat.id)) {
          tryCall(id, job.at);
          break;
        }
      }
    } else if (job.windowId) {
      const w = hall.window(job.windowId);
      const ticket = w.currentTicketId;
      hall.finish(job.windowId, 'completed', iso(job.at));
      if (ticket) {
        const serviceId = `${ticket}#${hall.ticket(ticket).services.length}`;
        const r = random();
        if (r < 0.85) {
          const bad = r < 0.01;
          hall.evaluate({
            evaluationId: `ev-${log.length}`,
            serviceId,
            level: bad ? 'dissatisfied' : r < 0.6 ? 'very-satisfied' : 'satisfied',
            reasons: bad ? ['long-wait'] : [],
            channel: 'hall-pad',
            at: iso(job.at + 10_000),
          });
        } else hall.lapseRating(serviceId, iso(job.at + 30_000));
      }
      tryCall(job.windowId, job.at + 5000);
    }
  }
  return { hall, log, ms: performance.now() - t0 };
}

const sim = simulateDay();
const served = [...sim.hall.state.tickets.values()].filter((t) => t.status === 'done').length;
if (served !== TICKETS) throw new Error(`simulation left ${TICKETS - served} tickets unserved`);

const json = JSON.stringify(sim.log);
let t = performance.now();
const parsed = JSON.parse(json) as unknown[];
const parseMs = performance.now() - t;
t = performance.now();
for (const e of parsed) HallEventSchema.parse(e);
const validateMs = performance.now() - t;
t = performance.now();
const replayed = Hall.replay(shippedHall('qingdao', { allDay: true }), parsed as HallEvent[]);
const replayMs = performance.now() - t;
if (hallFingerprint(replayed.state) !== hallFingerprint(sim.hall.state))
  throw new Error('replay differs from the live hall');

const events = sim.log.length;
const rate = (ms: number) => Math.round(events / (ms / 1000)).toLocaleString('en-US');
const body = `
A simulated Qingdao-sized day (${sim.hall.state.windows.size} windows, ${TICKETS.toLocaleString('en-US')} tickets, every one served;
85 % rated, the rest lapsed) run through \`Hall\` commands, then the whole event log replayed into a new hall.
The replayed hall's fingerprint equals the live one (checked in the run).

${table(
  ['what', 'time', 'events/s', 'ratio vs JSON.parse of the log'],
  [
    [
      'live day through Hall commands',
      `${sim.ms.toFixed(0)} ms`,
      rate(sim.ms),
      (parseMs / sim.ms).toFixed(2),
    ],
    [
      'full replay (Hall.replay)',
      `${replayMs.toFixed(0)} ms`,
      rate(replayMs),
      (parseMs / replayMs).toFixed(2),
    ],
    ['baseline: JSON.parse of the log', `${parseMs.toFixed(0)} ms`, rate(parseMs), '1.00'],
    [
      'zod validation of every event',
      `${validateMs.toFixed(0)} ms`,
      rate(validateMs),
      (parseMs / validateMs).toFixed(2),
    ],
  ],
)}

${events.toLocaleString('en-US')} events, ${(json.length / 2 ** 20).toFixed(1)} MiB of JSON. A ratio above 1 means faster than parsing the same log.
`;
writeSection('core-day', 'Domain core: a busy day and its replay', body);
console.log(body);
