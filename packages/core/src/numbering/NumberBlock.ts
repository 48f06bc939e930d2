/**
 * Ticket numbers stay unique within a hall-day even while dispensers are cut off from the center:
 * the center leases each issuer disjoint blocks of sequence numbers per (category, day) — e.g. the
 * lobby kiosk holds A101–A150 — and an issuer only ever uses numbers from its own blocks. Blocks are
 * handed out in increasing, non-overlapping order, so uniqueness follows from the lease log alone.
 */
export interface NumberBlock {
  blockId: string;
  categoryId: string;
  day: string;
  issuerId: string;
  /** Inclusive range of daily sequence numbers. */
  from: number;
  to: number;
}

export function blockContains(b: NumberBlock, seq: number): boolean {
  return seq >= b.from && seq <= b.to;
}

export function blockId(day: string, categoryId: string, from: number): string {
  return `${day}/${categoryId}/${from}`;
}

/**
 * The numbering a dispenser carries with it: its leased blocks and the numbers it has used.
 * Pure; the device persists `leases` and `used` in its own store.
 */
export class DispenserNumbering {
  private readonly leases: NumberBlock[] = [];
  private readonly used = new Set<string>();

  constructor(
    leases: readonly NumberBlock[] = [],
    usedSeqs: readonly { categoryId: string; day: string; seq: number }[] = [],
  ) {
    for (const b of leases) this.addLease(b);
    for (const u of usedSeqs) this.used.add(`${u.day}/${u.categoryId}/${u.seq}`);
  }

  addLease(b: NumberBlock): void {
    if (!this.leases.some((l) => l.blockId === b.blockId)) this.leases.push(b);
    this.leases.sort((a, c) => a.from - c.from);
  }

  /** The next unused number of this issuer for the category and day, or null when every block is used up. */
  peek(categoryId: string, day: string): number | null {
    for (const b of this.leases) {
      if (b.categoryId !== categoryId || b.day !== day) continue;
      for (let s = b.from; s <= b.to; s++) if (!this.used.has(`${day}/${categoryId}/${s}`)) return s;
    }
    return null;
  }

  take(categoryId: string, day: string): number | null {
    const s = this.peek(categoryId, day);
    if (s !== null) this.used.add(`${day}/${categoryId}/${s}`);
    return s;
  }

  remaining(categoryId: string, day: string): number {
    let n = 0;
    for (const b of this.leases) {
      if (b.categoryId !== categoryId || b.day !== day) continue;
      for (let s = b.from; s <= b.to; s++) if (!this.used.has(`${day}/${categoryId}/${s}`)) n++;
    }
    return n;
  }

  leasesFor(day: string): NumberBlock[] {
    return this.leases.filter((l) => l.day === day);
  }
}
