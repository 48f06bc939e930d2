import type { BoardConfig } from '../../board/BoardConfig.ts';
import type { BoardView } from '../board/boardView.ts';

export interface ScreenProps {
  view: BoardView;
  config: BoardConfig;
  live: boolean;
  /** Calls this screen saw arrive live: the latest of them flashes. */
  fresh: ReadonlySet<string>;
}
