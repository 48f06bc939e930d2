import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DispenserNumbering,
  DomainError,
  EVALUATION_LEVELS,
  Hall,
  PRIORITY_CLASSES,
  SERVICE_OUTCOMES,
  formatTicketNumber,
  hallFingerprint,
  isPriority,
  ticketId,
  type CounterChoice,
  type EventOf,
  type HallEvent,
  type PriorityClass,
} from '../src/index.ts';
import { smallHall, t } from './fixtures.ts';
import { CATS, checkInvariants, HallModel, WINDOWS } from './hallModel.fixture.ts';

/**
 * Model-based property test: random sequences of everything that happens in a hall — online and
 * offline issuing from several dispensers, late sync, calling, recall, no-show, late re-queue, hold,
 * call-back, transfers (with return), pause/resume/close, finishing, ratings and lapses — checked
 * after every step against invariants and an independent oracle for who should be called next.
 */
const KIOSKS = ['kiosk-1', 'kiosk-2'];
const i = (n: number) => fc.nat({ max: n - 1 });
const prio = fc.constantFrom<PriorityClass>(...PRIORITY_CLASSES);

const command = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant('issue' as const), cat: i(3), prio }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('lease' as const), kiosk: i(2), cat: i(3) }) },
  {
    weight: 4,
    arbitrary: fc.record({ k: fc.constant('issueOffline' as const), kiosk: i(2), cat: i(3), prio }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('sync' as const), kiosk: i(2) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('open' as const), w: i(4) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constantFrom('pause' as const, 'resume' as const, 'close' as const),
      w: i(4),
    }),
  },
  { weight: 8, arbitrary: fc.record({ k: fc.constant('callNext' as const), w: i(4) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constantFrom('recall' as const, 'noShow' as const, 'hold' as const),
      w: i(4),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constantFrom('requeue' as const, 'cancel' as const), n: fc.nat() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constantFrom('callBack' as const, 'callByNumber' as const),
      w: i(4),
      n: fc.nat(),
      counter: fc.constantFrom<CounterChoice | undefined>(undefined, { kind: 'hold' }, { kind: 'return' }, { kind: 'finish', outcome: 'completed' }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('transfer' as const),
      w: i(4),
      toCat: fc.boolean(),
      target: i(4),
      returnHere: fc.boolean(),
    }),
  },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('finish' as const), w: i(4), outcome: i(5) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('evaluate' as const),
      n: fc.nat(),
      level: i(5),
      reason: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('lapse' as const), n: fc.nat() }) },
);

type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

function runScenario(cmds: Command[]): void {
  const config = smallHall();
  const h = new Hall(config);
  const log: HallEvent[] = [];
  const done = new Set<string>();
  const issued = new Set<string>();
  let given = 0;
  const model = new HallModel((w) => h.window(w).config.rule);
  h.onEvent((e) => {
    log.push(e);
    model.apply(e);
    if (e.type === 'TicketCalled') expect(done.has(e.ticketId), `${e.ticketId} served twice`).toBe(false);
    if (e.type === 'TicketFinished' && h.ticket(e.ticketId).status === 'done') done.add(e.ticketId);
    if (e.type === 'TicketIssued') {
      const key = `${e.day}/${e.number}`;
      expect(issued.has(key), `${key} issued twice`).toBe(false);
      issued.add(key);
    }
    if (e.type === 'EvaluationGiven') given++;
  });
  const dispensers = KIOSKS.map(() => ({
    numbering: new DispenserNumbering(),
    pending: [] as EventOf<'TicketIssued'>[],
  }));
  let evaluateAccepted = 0;
  const skips = new Map<string, number>();
  const ticketAt = (n: number) => [...h.state.tickets.values()][n % Math.max(1, h.state.tickets.size)];
  const serviceAt = (n: number) => [...h.state.ratings.keys()][n % Math.max(1, h.state.ratings.size)];

  cmds.forEach((c, step) => {
    const at = t(step);
    const day = h.day(at);
    try {
      switch (c.k) {
        case 'issue':
          h.issueTicket({
            categoryId: CATS[c.cat] as string,
            source: 'on-site',
            priority: c.prio,
            issuerId: 'kiosk-1',
            at,
          });
          break;
        case 'lease': {
          const e = h.leaseBlock(KIOSKS[c.kiosk] as string, CATS[c.cat] as string, at);
          dispensers[c.kiosk]?.numbering.addLease(e);
          break;
        }
        case 'issueOffline': {
          const d = dispensers[c.kiosk];
          const cat = h.state.categories.get(CATS[c.cat] as string);
          const seq = d?.numbering.take(CATS[c.cat] as string, day);
          if (!d || !cat || seq === null || seq === undefined) break;
          const number = formatTicketNumber(cat.prefix, seq);
          d.pending.push({
            type: 'TicketIssued',
            v: 1,
            at,
            ticketId: ticketId(day, number),
            number,
            seq,
            day,
            categoryId: cat.id,
            source: 'on-site',
            priority: c.prio,
            issuerId: KIOSKS[c.kiosk] as string,
            offline: true,
          });
          break;
        }
        case 'sync': {
          const d = dispensers[c.kiosk];
          // A valid offline ticket must always be accepted: no try/catch around ingest.
          for (const e of d?.pending.splice(0) ?? []) {
            try {
              h.ingest(e);
            } catch (err) {
              throw new Error(`offline ticket refused: ${String(err)}`);
            }
          }
          break;
        }
        case 'open':
          h.openWindow(WINDOWS[c.w] as string, { id: `s${c.w}`, name: `员工${c.w}` }, at);
          break;
        case 'pause':
          h.pauseWindow(WINDOWS[c.w] as string, at);
          break;
        case 'resume':
          h.resumeWindow(WINDOWS[c.w] as string, at);
          break;
        case 'close':
          h.closeWindow(WINDOWS[c.w] as string, at);
          break;
        case 'callNext': {
          const w = WINDOWS[c.w] as string;
          const win = h.window(w);
          const expected = win.status === 'open' ? model.next(h, w) : undefined;
          const normalWaiting = [...h.state.tickets.values()].some(
            (x) =>
              x.status === 'waiting' &&
              x.priority === 'normal' &&
              (x.targetWindowId === w ||
                (x.targetWindowId === undefined && win.config.categoryIds.includes(x.categoryId))),
          );
          const { called } = h.callNext(w, at);
          expect(called?.id, `window ${w} called by its rule`).toBe(expected);
          // Starvation: while a normal ticket waits, an interleaving window passes it over at most `priority` times in a row.
          const skipped = normalWaiting && called !== undefined && isPriority(called.priority);
          skips.set(w, skipped ? (skips.get(w) ?? 0) + 1 : 0);
          if (win.config.rule.mode === 'interleave')
            expect(skips.get(w)).toBeLessThanOrEqual(win.config.rule.priority);
          break;
        }
        case 'recall':
          h.recall(WINDOWS[c.w] as string, at);
          break;
        case 'noShow':
          h.markNoShow(WINDOWS[c.w] as string, at);
          break;
        case 'hold':
          h.hold(WINDOWS[c.w] as string, at);
          break;
        case 'requeue': {
          const x = ticketAt(c.n);
          if (x) h.requeueLate(x.id, at);
          break;
        }
        case 'cancel': {
          const x = ticketAt(c.n);
          if (x) h.cancelTicket(x.id, 'citizen', at);
          break;
        }
        case 'callBack':
        case 'callByNumber': {
          const x = ticketAt(c.n);
          if (!x) break;
          const w = WINDOWS[c.w] as string;
          const atCounter = h.window(w).currentTicketId;
          const before = h.state.eventCount;
          if (c.k === 'callBack') h.callBack(w, x.id, at, c.counter);
          else h.callByNumber(w, x.id, at, c.counter);
          // Accepted: the ticket at the counter went where staff chose — never finished unasked.
          if (atCounter !== undefined && h.state.eventCount > before) {
            const was = h.ticket(atCounter);
            const expected = { hold: 'held', return: 'waiting', finish: was.returnToWindowId === undefined ? 'done' : was.status }[c.counter!.kind];
            expect(was.status, `${was.number} after ${c.counter!.kind}`).toBe(expected);
          }
          break;
        }
        case 'transfer': {
          const w = WINDOWS[c.w] as string;
          const to = c.toCat
            ? { kind: 'category' as const, categoryId: CATS[c.target % 3] as string }
            : { kind: 'window' as const, windowId: WINDOWS[c.target] as string };
          const targetOpen = to.kind === 'category' || h.window(to.windowId).status === 'open';
          const atCounter = h.window(w).currentTicketId;
          try {
            h.transfer(w, to, at, { returnHere: c.returnHere });
            expect(targetOpen, `transfer to ${JSON.stringify(to)} accepted although not open`).toBe(true);
          } catch (err) {
            // A refused transfer leaves the ticket at the counter, untouched.
            if (atCounter !== undefined) expect(h.window(w).currentTicketId).toBe(atCounter);
            throw err;
          }
          break;
        }
        case 'finish':
          h.finish(WINDOWS[c.w] as string, SERVICE_OUTCOMES[c.outcome] ?? 'completed', at);
          break;
        case 'evaluate': {
          const sid = serviceAt(c.n);
          if (!sid) break;
          const level = EVALUATION_LEVELS[c.level] ?? 'satisfied';
          h.evaluate({
            evaluationId: `ev${step}`,
            serviceId: sid,
            level,
            reasons: c.reason ? ['long-wait'] : [],
            channel: 'hall-pad',
            at,
          });
          evaluateAccepted++;
          break;
        }
        case 'lapse': {
          const sid = serviceAt(c.n);
          if (sid) h.lapseRating(sid, at);
          break;
        }
      }
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
    }
    checkInvariants(h, model);
  });

  expect(given, 'every evaluation comes from a citizen’s rating').toBe(evaluateAccepted);
  expect(h.state.evaluations.size).toBe(evaluateAccepted);
  const replayed = Hall.replay(config, log);
  expect(hallFingerprint(replayed.state)).toBe(hallFingerprint(h.state));
}

describe('hall properties', () => {
  it('no ticket served twice or lost, calls follow the rules, numbers unique across dispensers, replay rebuilds the hall', () => {
    fc.assert(fc.property(fc.array(command, { minLength: 20, maxLength: 160 }), runScenario), {
      numRuns: 300,
    });
    // 300 random days of up to 160 commands each, with a replay per day: ~15 s on a quiet core, so the
    // default 20 s budget is too tight when CI runs two test files on its two cores.
  }, 120_000);
});
