import type { HallEvent } from '../events/HallEvent.ts';
import type { Arrival, Shift } from '../simulation/Arrival.ts';

/**
 * A past day as a simulation's input: who arrived when for what (from TicketIssued), how long each
 * service took (call to finish, from the log), who missed their call, who was sent on to another
 * category, and when each window was staffed (WindowOpened to WindowClosed). What-if plans change
 * the shifts and windows; the arrivals stay what they were.
 */
export function dayArrivals(events: Iterable<HallEvent>): { arrivals: Arrival[]; shifts: Shift[] } {
  const arrivals = new Map<string, Arrival>();
  const lastCall = new Map<string, number>();
  const served = new Map<string, number>();
  const shifts: Shift[] = [];
  const open = new Map<string, Shift>();
  let last = 0;
  for (const e of events) {
    const at = Date.parse(e.at);
    last = Math.max(last, at);
    switch (e.type) {
      case 'WindowOpened': {
        if (open.has(e.windowId)) break;
        const s: Shift = { windowId: e.windowId, staff: e.staff, from: at, to: at };
        open.set(e.windowId, s);
        shifts.push(s);
        break;
      }
      case 'WindowClosed': {
        const s = open.get(e.windowId);
        if (s) s.to = at;
        open.delete(e.windowId);
        break;
      }
      case 'TicketIssued':
        arrivals.set(e.ticketId, {
          at,
          categoryId: e.categoryId,
          ...(e.itemId !== undefined ? { itemId: e.itemId } : {}),
          priority: e.priority,
          source: e.source,
          issuerId: e.issuerId,
          serviceSeconds: 0,
          originalTicketId: e.ticketId,
        });
        break;
      case 'TicketCalled':
        lastCall.set(e.ticketId, at);
        break;
      case 'TicketNoShow': {
        const a = arrivals.get(e.ticketId);
        if (a) a.noShow = true;
        break;
      }
      case 'TicketTransferred':
      case 'TicketFinished': {
        const a = arrivals.get(e.ticketId);
        const from = lastCall.get(e.ticketId);
        if (!a || from === undefined) break;
        const seconds = Math.round((at - from) / 1000);
        const n = served.get(e.ticketId) ?? 0;
        served.set(e.ticketId, n + 1);
        if (n === 0) {
          a.serviceSeconds = seconds;
          if (e.type === 'TicketTransferred' && e.to.kind === 'category') a.transferTo = { categoryId: e.to.categoryId, serviceSeconds: 0 };
        } else if (n === 1 && a.transferTo) a.transferTo.serviceSeconds = seconds;
        break;
      }
      default:
        break;
    }
  }
  for (const s of open.values()) s.to = last;
  return { arrivals: [...arrivals.values()].sort((a, b) => a.at - b.at), shifts };
}
