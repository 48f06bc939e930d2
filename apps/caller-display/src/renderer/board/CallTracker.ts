import type { BoardCall, BoardState } from '../../board/BoardState.ts';

/**
 * Tells which calls in a new board state this screen has not shown yet. The first state after the
 * renderer starts is a rebuild: shown at once, said and flashed never. Only calls that arrived live
 * are announced; calls caught up from a snapshot (made while the board was offline) are only shown.
 */
export class CallTracker {
  /** Keys of calls already handled as live (announced, or present live at the first rebuild). */
  private seenLive = new Set<string>();
  private primed = false;

  /** New live calls, oldest first. */
  update(state: BoardState): BoardCall[] {
    const fresh: BoardCall[] = [];
    if (this.primed) {
      for (const c of state.calls) if (c.live && !this.seenLive.has(c.key)) fresh.push(c);
    }
    // Keep only keys still listed: the host never lists a call again once it dropped off (bounded memory).
    // A call listed but not yet live (learned from a snapshot) stays unseen, so its live message announces it.
    const next = new Set<string>();
    for (const c of state.calls) if (c.live) next.add(c.key);
    if (state.calls.length > 0 || state.snapshot) this.primed = true;
    this.seenLive = next;
    return fresh.reverse();
  }
}
