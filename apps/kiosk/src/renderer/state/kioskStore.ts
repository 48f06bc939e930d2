// The kiosk's screen state: which screen, language, elder mode, the card of this session and the
// last result. Host state (tiles, devices, link) arrives as `state` events and is kept as is.
import { create } from 'zustand';
import type { CardRead, CheckInResult, KioskState, LookupResult, TicketResult } from '../../contract.ts';

export type Screen = 'attract' | 'home' | 'take' | 'ticket' | 'checkIn' | 'progress' | 'technician' | 'requeue' | 'rate';
export type Language = 'zh-CN' | 'zh-TW' | 'en';

export interface KioskStore {
  screen: Screen;
  language: Language;
  elder: boolean;
  /** 语音导航: the citizen asked for spoken guidance (elder mode always speaks). */
  voice: boolean;
  host: KioskState | undefined;
  connected: boolean;
  card: CardRead | undefined;
  ticket: TicketResult | undefined;
  checkIn: CheckInResult | undefined;
  lookup: LookupResult | undefined;
  /** A code from the scanner waiting for the screen that expects one. */
  scanned: { code: string; at: number } | undefined;
  notice: string | undefined;
  technicianToken: string | undefined;
  go(screen: Screen): void;
  /**
   * Back to the start (首页, 完成): forgets the card, results and any typed input of the session but
   * keeps the citizen's language, elder mode and voice — they are still standing there.
   */
  home(): void;
  /** The citizen has gone (idle timeout): forget everything, back to Chinese and normal mode. */
  reset(): void;
  setLanguage(l: Language): void;
  setElder(on: boolean): void;
  set(patch: Partial<KioskStore>): void;
}

export const useKiosk = create<KioskStore>((set) => ({
  screen: 'home',
  language: 'zh-CN',
  elder: false,
  voice: false,
  host: undefined,
  connected: false,
  card: undefined,
  ticket: undefined,
  checkIn: undefined,
  lookup: undefined,
  scanned: undefined,
  notice: undefined,
  technicianToken: undefined,
  go: (screen) => set({ screen, notice: undefined }),
  home: () => set({ screen: 'home', card: undefined, ticket: undefined, checkIn: undefined, lookup: undefined, scanned: undefined, notice: undefined, technicianToken: undefined }),
  reset: () => set({ screen: 'home', card: undefined, ticket: undefined, checkIn: undefined, lookup: undefined, scanned: undefined, notice: undefined, technicianToken: undefined, elder: false, voice: false, language: 'zh-CN' }),
  setLanguage: (language) => set({ language }),
  setElder: (elder) => set({ elder }),
  set: (patch) => set(patch),
}));
