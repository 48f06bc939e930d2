import type { BoardCall, BoardState } from '../../board/BoardState.ts';

/** How many call keys the tracker remembers; far more than a board ever lists. */
const MEMORY = 1000;

/**
 * Tells which calls in a new board state this screen has not shown yet. Everything up to and
 * including the first live state after the renderer starts is a rebuild: shown at once, said and
 * flashed never (a board that restarts, or starts from its saved snapshot, does not replay the hall).
 * After that every call the screen has not had before is new, whether its own message brought it or
 * a snapshot did: a call made while the board was cut off for a moment must still be heard by the
 * citizen it calls (the voice queue drops the ones too old to say). Whichever of the two arrives
 * first announces it; the other finds it known.
 */
export class CallTracker {
  /** Keys already handled, oldest first (a Set keeps insertion order). */
  private seen = new Set<string>();
  private primed = false;

  /** New calls, oldest first. */
  update(state: BoardState): BoardCall[] {
    // A host that just restarted sends an empty state before its snapshot: that is not news, and
    // forgetting what was said here would make the snapshot after it sound like new calls.
    if (state.calls.length === 0 && !state.snapshot) return [];
    const fresh: BoardCall[] = [];
    for (const c of state.calls) {
      if (this.seen.has(c.key)) continue;
      if (this.primed) fresh.push(c);
      this.seen.add(c.key);
    }
    // The first state with the center's own word is the last of the rebuild.
    if (state.live && !state.restored) this.primed = true;
    for (const key of this.seen) {
      if (this.seen.size <= MEMORY) break;
      this.seen.delete(key);
    }
    return fresh.reverse();
  }
}
