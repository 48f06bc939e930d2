import type { HallEvent } from '../events/HallEvent.ts';
import type { HallConfig } from '../hall/HallConfig.ts';
import type { TicketSource } from '../tickets/Ticket.ts';
import { hallDay } from '../time/hallDay.ts';
import { addDuration } from './durationBuckets.ts';
import { emptyFigures, type DayFactRow, type DayFigures, type FollowUpFact, type RatingCounted, type ReportDimension } from './DayFigures.ts';

interface TicketTrace {
  day: string;
  /** Where it is now (a transfer to a category moves it); tickets count under `issuedCategoryId`. */
  categoryId: string;
  issuedCategoryId: string;
  itemId: string | undefined;
  source: TicketSource;
  issuedAt: number;
  lastCallAt: number | undefined;
  firstCall: { windowId: string; staffId: string } | undefined;
  served: boolean;
  end: 'no-show' | 'cancelled' | 'ended' | undefined;
}

interface Where {
  windowId: string;
  staffId: string;
  categoryId: string;
  itemId: string | undefined;
}

/**
 * The report figures of a stretch of the hall's log (a closed day's events, or today's so far),
 * computed from the events alone, so a closed day's figures can always be recomputed from its log.
 * A rating or lapse of a service done before the stretch names no service here: a rating carries
 * its window, staff and item itself; such a lapse counts for the hall only.
 *
 * A 差评 whose 申诉 is upheld (申诉成立) leaves the figures of the day it was rated on, wherever the
 * decision lands: the stretch holding the decision gives rows dated the rating's day that take the
 * rating back out (rated and its level −1, appealUpheld +1). `earlier` says how a rating of a case
 * opened before the stretch was counted (the reports keep it with the case).
 */
export function dayFacts(
  config: HallConfig,
  events: Iterable<HallEvent>,
  earlier: (caseId: string) => RatingCounted | undefined = () => undefined,
): { rows: DayFactRow[]; followUps: FollowUpFact[] } {
  const tz = config.catalog.hall.timeZone;
  const zoneOf = new Map(config.windows.map((w) => [w.id, w.zoneId]));
  const tickets = new Map<string, TicketTrace>();
  const services = new Map<string, Where>();
  const staffAt = new Map<string, string>();
  const evaluations = new Map<string, RatingCounted>();
  const followUps = new Map<string, FollowUpFact>();
  const rows = new Map<string, DayFactRow>();

  const figuresFor = (day: string, w: Partial<Where>): DayFigures[] => {
    const keys: [ReportDimension, string | undefined][] = [
      ['hall', ''],
      ['zone', w.windowId ? zoneOf.get(w.windowId) : undefined],
      ['category', w.categoryId],
      ['window', w.windowId],
      ['staff', w.staffId || undefined],
      ['item', w.itemId],
    ];
    const out: DayFigures[] = [];
    for (const [dim, key] of keys) {
      if (key === undefined) continue;
      const id = `${day}|${dim}|${key}`;
      let r = rows.get(id);
      if (!r) rows.set(id, (r = { day, dim, key, figures: emptyFigures() }));
      out.push(r.figures);
    }
    return out;
  };
  const ticketWhere = (t: TicketTrace): Partial<Where> => ({ ...t.firstCall, categoryId: t.issuedCategoryId, itemId: t.itemId });
  const endService = (e: { at: string; ticketId: string; serviceId: string }, where: Where, transfer: boolean) => {
    const t = tickets.get(e.ticketId);
    services.set(e.serviceId, where);
    for (const f of figuresFor(hallDay(e.at, tz), where)) {
      f.services++;
      if (transfer) f.transfers++;
      if (t?.lastCallAt !== undefined) {
        const s = (Date.parse(e.at) - t.lastCallAt) / 1000;
        f.handleN++;
        f.handleSumSeconds += s;
        addDuration(f.handleHist, s);
      }
    }
  };

  for (const e of events) {
    switch (e.type) {
      case 'WindowOpened':
        staffAt.set(e.windowId, e.staff.id);
        break;
      case 'TicketIssued':
        tickets.set(e.ticketId, { day: e.day, categoryId: e.categoryId, issuedCategoryId: e.categoryId, itemId: e.itemId, source: e.source, issuedAt: Date.parse(e.at), lastCallAt: undefined, firstCall: undefined, served: false, end: undefined });
        break;
      case 'TicketCalled': {
        const t = tickets.get(e.ticketId);
        if (!t) break;
        t.lastCallAt = Date.parse(e.at);
        if (!t.firstCall) {
          t.firstCall = { windowId: e.windowId, staffId: e.staffId };
          const s = (t.lastCallAt - t.issuedAt) / 1000;
          for (const f of figuresFor(t.day, ticketWhere(t))) {
            f.waitN++;
            f.waitSumSeconds += s;
            addDuration(f.waitHist, s);
          }
        }
        break;
      }
      case 'TicketTransferred': {
        const t = tickets.get(e.ticketId);
        endService(e, { windowId: e.fromWindowId, staffId: staffAt.get(e.fromWindowId) ?? '', categoryId: t?.categoryId ?? '', itemId: e.itemId ?? t?.itemId }, true);
        if (t && e.to.kind === 'category') t.categoryId = e.to.categoryId;
        break;
      }
      case 'TicketFinished': {
        const t = tickets.get(e.ticketId);
        endService(e, { windowId: e.windowId, staffId: e.staffId, categoryId: t?.categoryId ?? '', itemId: e.itemId ?? t?.itemId }, false);
        if (t) t.served = true;
        break;
      }
      case 'TicketNoShow':
      case 'TicketCancelled':
      case 'TicketRequeued': {
        const t = tickets.get(e.ticketId);
        if (t) t.end = e.type === 'TicketNoShow' ? 'no-show' : e.type === 'TicketCancelled' ? 'cancelled' : undefined;
        break;
      }
      case 'HallDayClosed': {
        for (const id of e.ended) {
          const t = tickets.get(id);
          if (t) t.end = 'ended';
        }
        break;
      }
      case 'EvaluationGiven': {
        const svc = services.get(e.serviceId);
        const itemId = e.itemId ?? svc?.itemId;
        const rating: RatingCounted = { day: hallDay(e.at, tz), channel: e.channel, level: e.level, windowId: e.windowId, staffId: e.staffId, ...(svc ? { categoryId: svc.categoryId } : {}), ...(itemId !== undefined ? { itemId } : {}) };
        evaluations.set(e.evaluationId, rating);
        for (const f of figuresFor(rating.day, rating)) {
          f.rated++;
          const byLevel = (f.levels[e.channel] ??= {});
          byLevel[e.level] = (byLevel[e.level] ?? 0) + 1;
        }
        break;
      }
      case 'EvaluationLapsed':
        for (const f of figuresFor(hallDay(e.at, tz), services.get(e.serviceId) ?? {})) f.lapsed++;
        break;
      case 'FollowUpOpened': {
        const w = evaluations.get(e.evaluationId);
        followUps.set(e.caseId, {
          caseId: e.caseId,
          openedAt: e.at,
          deadline: e.deadline,
          state: 'open',
          ...(w
            ? { windowId: w.windowId, staffId: w.staffId, categoryId: w.categoryId ?? '', ...(w.itemId ? { itemId: w.itemId } : {}), ...(zoneOf.get(w.windowId) ? { zoneId: zoneOf.get(w.windowId) } : {}), rating: w }
            : {}),
        });
        break;
      }
      case 'EvaluationAppealed':
      case 'EvaluationAppealDecided': {
        let c = followUps.get(e.caseId);
        if (!c) followUps.set(e.caseId, (c = { caseId: e.caseId }));
        c.appeal = e.type === 'EvaluationAppealed' ? 'filed' : e.upheld ? 'upheld' : 'rejected';
        const rating = (c.rating ??= earlier(e.caseId));
        if (e.type === 'EvaluationAppealDecided' && e.upheld && rating) {
          for (const f of figuresFor(rating.day, rating)) {
            f.rated--;
            const byLevel = (f.levels[rating.channel] ??= {});
            byLevel[rating.level] = (byLevel[rating.level] ?? 0) - 1;
            f.appealUpheld++;
          }
        }
        break;
      }
      case 'FollowUpAdvanced': {
        let c = followUps.get(e.caseId);
        if (!c) followUps.set(e.caseId, (c = { caseId: e.caseId }));
        c.state = e.to;
        c[`${e.to}At`] = e.at;
        if (e.note) c.note = e.note;
        break;
      }
      default:
        break;
    }
  }
  // Ticket outcomes, counted once per ticket issued in the stretch, as they stand at its end.
  for (const t of tickets.values()) {
    for (const f of figuresFor(t.day, ticketWhere(t))) {
      f.issued++;
      f.bySource[t.source] = (f.bySource[t.source] ?? 0) + 1;
      if (t.served) f.served++;
      if (t.end === 'no-show') f.noShow++;
      else if (t.end === 'cancelled') f.cancelled++;
      else if (t.end === 'ended') f.endedAtClose++;
    }
  }
  return { rows: [...rows.values()], followUps: [...followUps.values()] };
}
