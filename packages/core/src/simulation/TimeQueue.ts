/**
 * Jobs by time, first in first out among equal times (a binary heap with an insertion counter),
 * so a simulation of the same input always runs in the same order.
 */
export class TimeQueue<T> {
  private readonly heap: { at: number; n: number; job: T }[] = [];
  private count = 0;

  push(at: number, job: T): void {
    const h = this.heap;
    const item = { at, n: this.count++, job };
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p];
      if (!parent || before(parent, item)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = item;
  }

  pop(): { at: number; job: T } | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (!top || !last || h.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      let m = l;
      const right = h[l + 1];
      const left = h[l];
      if (!left) break;
      if (right && before(right, left)) m = l + 1;
      const child = h[m];
      if (!child || before(last, child)) break;
      h[i] = child;
      i = m;
    }
    h[i] = last;
    return top;
  }
}

function before(a: { at: number; n: number }, b: { at: number; n: number }): boolean {
  return a.at < b.at || (a.at === b.at && a.n < b.n);
}
