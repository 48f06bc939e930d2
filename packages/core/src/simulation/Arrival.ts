import type { PriorityClass } from '../calling/CallingRule.ts';
import type { Staff } from '../events/HallEvent.ts';
import type { EvaluationChannel } from '../evaluation/channels.ts';
import type { EvaluationLevel } from '../evaluation/levels.ts';
import type { TicketSource } from '../tickets/Ticket.ts';

/**
 * A citizen arriving at the hall, with what will happen at the counter: how long the service takes,
 * whether they miss their call, are sent on to another category, and how they rate. A day of these,
 * taken from a past day's log or generated, is what a simulation replays through the real Hall.
 */
export interface Arrival {
  /** Epoch ms. */
  at: number;
  categoryId: string;
  itemId?: string;
  priority: PriorityClass;
  source: TicketSource;
  issuerId: string;
  /** Seconds at the counter (call to finish). */
  serviceSeconds: number;
  /** Misses every call: recalled as the hall's rule says, then 过号. */
  noShow?: boolean;
  /** Sent on to another category after the first service, which then takes this long. */
  transferTo?: { categoryId: string; serviceSeconds: number };
  /** How the citizen rates each service at the pad: a rating, or no touch (not rated). */
  rating?: { level: EvaluationLevel; reasons: string[]; channel: EvaluationChannel } | 'lapse';
  /**
   * After a pad left untouched: the citizen rates later through another channel (the follow page's
   * 补充评价, the window's rating QR, the kiosk's rating point), this many minutes after the pad's time.
   */
  laterRating?: { level: EvaluationLevel; reasons: string[]; channel: Exclude<EvaluationChannel, 'hall-pad'>; afterMinutes: number };
  /** The ticket this arrival had on the day it came from (what-if comparisons), if any. */
  originalTicketId?: string;
}

/** A window staffed from `from` to `to` (epoch ms); at `to` it finishes its ticket, then closes. */
export interface Shift {
  windowId: string;
  staff: Staff;
  from: number;
  to: number;
}
