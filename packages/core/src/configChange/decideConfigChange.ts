import type { EventOf } from '../events/HallEvent.ts';
import type { HallConfig } from '../hall/HallConfig.ts';
import type { HallState } from '../hall/HallState.ts';
import { waitingMoves } from './moveWaitingTickets.ts';
import type { WaitingMoveRequest } from './WaitingMove.ts';

/** The event that puts a new definition in force, with the waiting tickets the admin chose to move. */
export function configChangedEvent(
  s: HallState,
  config: HallConfig,
  by: string,
  at: string,
  moves: readonly WaitingMoveRequest[] = [],
): EventOf<'HallConfigChanged'> {
  const resolved = waitingMoves(s, moves);
  return { type: 'HallConfigChanged', v: 1, at, config, by, ...(resolved.length ? { moves: resolved } : {}) };
}
