import type { BoardConfig } from '../../board/BoardConfig.ts';
import type { BoardCall } from '../../board/BoardState.ts';
import { hallLocalTime } from '@hallkit/core';
import { VoiceQueue } from './VoiceQueue.ts';
import type { Utterance } from './announcement.ts';

export interface VoiceOutput {
  play(u: Utterance, volume: number): Promise<void>;
}

/** The board's speakers: new calls in scope go to the queue; the configured engine says them. */
export class BoardVoice {
  readonly queue: VoiceQueue;
  private config: BoardConfig['voice'];
  /** The hall's time zone: quiet hours are hall hours, whatever the board PC's clock is set to. */
  private timeZone = 'Asia/Shanghai';

  constructor(
    config: BoardConfig['voice'],
    private readonly outputs: { clips: VoiceOutput; speech: VoiceOutput | null },
    report: (key: string, outcome: 'said' | 'failed' | 'skipped', detail: string) => void,
  ) {
    this.config = config;
    this.queue = new VoiceQueue({
      config: () => this.config,
      minuteOfDay: (t) => hallLocalTime(t, this.timeZone).minuteOfDay,
      speak: async (u) => {
        const out = this.config.engine === 'speech' && this.outputs.speech ? this.outputs.speech : this.outputs.clips;
        try {
          await out.play(u, this.config.volume);
        } catch (e) {
          report(u.callKey, 'failed', e instanceof Error ? e.message : String(e));
          throw e;
        }
      },
    });
  }

  setTimeZone(timeZone: string): void {
    this.timeZone = timeZone;
  }

  setConfig(config: BoardConfig['voice']): void {
    this.config = config;
  }

  announce(calls: BoardCall[]): void {
    for (const c of calls) {
      this.queue.enqueue({ key: c.key, number: c.number, windowNumber: c.windowNumber, at: Date.parse(c.at), recall: c.recall, zh: c.voice });
    }
  }
}
