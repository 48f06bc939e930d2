import { callAnnouncement, type CallAnnouncement } from '@hallkit/core';
import type { VoiceLanguage } from '../../board/BoardConfig.ts';

/** A call as the voice needs it (no React, no DOM). */
export interface VoiceCall {
  key: string;
  number: string;
  windowNumber: number;
  /** When the call was made (ms since the epoch). */
  at: number;
  recall: boolean;
  /** The center's own zh-CN wording, when it sent one. */
  zh: CallAnnouncement | null;
}

/** One thing said once in one language: "请A012号到5号窗口办理". */
export interface Utterance {
  callKey: string;
  lang: VoiceLanguage;
  round: number;
  text: string;
  tokens: string[];
}

export function announcementFor(call: VoiceCall, lang: VoiceLanguage): CallAnnouncement {
  if (lang === 'zh-CN' && call.zh) return call.zh;
  return callAnnouncement(call.number, call.windowNumber, lang);
}
