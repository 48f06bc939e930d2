import type { PriorityClass } from '../calling/CallingRule.ts';
import type { Ticket } from '../tickets/Ticket.ts';

/** Line order: by place in line (issue time, or re-queue time), then by number. */
export function lineOrder(a: Ticket, b: Ticket): number {
  if (a.queuedAt !== b.queuedAt) return a.queuedAt < b.queuedAt ? -1 : 1;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

/** One ordered line. Most tickets join at the end; offline and re-queued ones slot in by time. */
export class OrderedLine {
  readonly items: Ticket[] = [];

  private position(t: Ticket): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lineOrder(this.items[mid] as Ticket, t) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(t: Ticket): void {
    this.items.splice(this.position(t), 0, t);
  }

  remove(t: Ticket): void {
    const i = this.position(t);
    if (this.items[i] === t) this.items.splice(i, 1);
    else {
      const j = this.items.indexOf(t);
      if (j >= 0) this.items.splice(j, 1);
    }
  }

  head(): Ticket | undefined {
    return this.items[0];
  }

  get size(): number {
    return this.items.length;
  }
}

/**
 * Everyone waiting, indexed the way windows call: per category and priority class, plus lines of
 * tickets sent to one named window. A ticket is in exactly one line while it waits.
 */
export class WaitingLines {
  private readonly byCategory = new Map<string, Map<PriorityClass, OrderedLine>>();
  private readonly byWindow = new Map<string, Map<PriorityClass, OrderedLine>>();

  private line(
    map: Map<string, Map<PriorityClass, OrderedLine>>,
    key: string,
    c: PriorityClass,
  ): OrderedLine {
    let m = map.get(key);
    if (!m) map.set(key, (m = new Map()));
    let l = m.get(c);
    if (!l) m.set(c, (l = new OrderedLine()));
    return l;
  }

  private lineOf(t: Ticket): OrderedLine {
    return t.targetWindowId !== undefined
      ? this.line(this.byWindow, t.targetWindowId, t.priority)
      : this.line(this.byCategory, t.categoryId, t.priority);
  }

  add(t: Ticket): void {
    this.lineOf(t).insert(t);
  }

  remove(t: Ticket): void {
    this.lineOf(t).remove(t);
  }

  /** The first ticket of a class that this window could call. */
  head(windowId: string, categoryIds: readonly string[], c: PriorityClass): Ticket | undefined {
    let best = this.byWindow.get(windowId)?.get(c)?.head();
    for (const cat of categoryIds) {
      const h = this.byCategory.get(cat)?.get(c)?.head();
      if (h && (!best || lineOrder(h, best) < 0)) best = h;
    }
    return best;
  }

  /** Tickets of a category waiting for any window (not those sent to a named window). */
  categoryCount(categoryId: string): number {
    let n = 0;
    for (const l of this.byCategory.get(categoryId)?.values() ?? []) n += l.size;
    return n;
  }

  windowCount(windowId: string): number {
    let n = 0;
    for (const l of this.byWindow.get(windowId)?.values() ?? []) n += l.size;
    return n;
  }

  categoryLine(categoryId: string, c: PriorityClass): readonly Ticket[] {
    return this.byCategory.get(categoryId)?.get(c)?.items ?? [];
  }

  windowLine(windowId: string, c: PriorityClass): readonly Ticket[] {
    return this.byWindow.get(windowId)?.get(c)?.items ?? [];
  }
}
