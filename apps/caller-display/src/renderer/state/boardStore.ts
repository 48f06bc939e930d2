import { create } from 'zustand';
import type { BoardState } from '../../board/BoardState.ts';

interface BoardStore {
  /** The last state with content; kept while the host or the center is unreachable. */
  state: BoardState | null;
  /** The renderer's own link to its host (browser mode; always true in Electron). */
  hostConnected: boolean;
  /** Calls first seen live by this screen (they flash); cleared as they leave the list. */
  fresh: ReadonlySet<string>;
  receive(next: BoardState, fresh: string[]): void;
  setHostConnected(up: boolean): void;
}

export const useBoard = create<BoardStore>((set, get) => ({
  state: null,
  hostConnected: false,
  fresh: new Set(),
  receive(next, freshKeys) {
    const prev = get().state;
    // A host that just restarted has no snapshot yet: keep what is shown, take only its liveness.
    const state = next.snapshot === null && next.calls.length === 0 && prev ? { ...prev, live: next.live, offlineSince: next.offlineSince, config: next.config } : next;
    const listed = new Set(state.calls.map((c) => c.key));
    const fresh = new Set([...get().fresh].filter((k) => listed.has(k)));
    for (const k of freshKeys) fresh.add(k);
    set({ state, fresh });
  },
  setHostConnected(up) {
    set({ hostConnected: up });
  },
}));
