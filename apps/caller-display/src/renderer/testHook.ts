import type { BoardVoice } from './voice/BoardVoice.ts';
import type { VoiceLogEntry } from './voice/VoiceQueue.ts';

/** Read-only view for the e2e tests and the soak benchmark: what the speakers did, never a control. */
export interface CallBoardProbe {
  voiceLog(): VoiceLogEntry[];
  voiceTotals(): { queued: number; said: number; failed: number; skipped: number };
  voicePending(): number;
}

declare global {
  interface Window {
    __callBoard?: CallBoardProbe;
  }
}

export function installTestHook(voice: BoardVoice): void {
  window.__callBoard = {
    voiceLog: () => [...voice.queue.log],
    voiceTotals: () => ({ ...voice.queue.totals }),
    voicePending: () => voice.queue.pending,
  };
}
