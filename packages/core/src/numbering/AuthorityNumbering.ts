import { AUTHORITY_ISSUER } from '../hall/HallConfig.ts';
import { numberingKey, type HallState } from '../hall/HallState.ts';

/**
 * The center's own next number per (day, category), from the blocks it leased to itself. Used numbers
 * never become free again, so a per-key cursor (how far the scan already got) keeps issuing O(1) on a
 * 30,000-ticket day. Derived from state only: a replayed hall rebuilds its cursors on first use.
 */
export class AuthorityNumbering {
  private readonly cursor = new Map<string, { block: number; seq: number }>();

  constructor(private readonly state: HallState) {}

  /** The lowest unused number in the authority's blocks, or undefined when a new block is needed. */
  next(day: string, categoryId: string): number | undefined {
    const key = numberingKey(day, categoryId);
    const n = this.state.numbering.get(key);
    if (!n) return undefined;
    let at = this.cursor.get(key) ?? { block: 0, seq: 0 };
    for (let i = at.block; i < n.blocks.length; i++) {
      const b = n.blocks[i];
      if (!b || b.issuerId !== AUTHORITY_ISSUER) continue;
      for (let s = Math.max(b.from, i === at.block ? at.seq : 0); s <= b.to; s++) {
        if (!n.used.has(s)) {
          at = { block: i, seq: s };
          this.cursor.set(key, at);
          return s;
        }
      }
    }
    this.cursor.set(key, { block: n.blocks.length, seq: 0 });
    return undefined;
  }
}
