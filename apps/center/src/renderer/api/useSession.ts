import { create } from 'zustand';
import { api } from './http.ts';
import type { Session } from './types.ts';
import type { NameTranslations } from '@hallkit/core';
import { setHallTimeZone } from '../common/format.ts';

interface SessionStore {
  loaded: boolean;
  session: Session | null;
  hallName: string;
  /** The hall file's 繁體/English names of the hall (the top bar picks by language). */
  hallNameI18n: NameTranslations | undefined;
  /** Window id → the number staff and citizens know it by. */
  windowNumbers: Record<string, number>;
  load(): Promise<void>;
  set(s: Session | null): void;
  logout(): Promise<void>;
}

export const useSession = create<SessionStore>((set) => ({
  loaded: false,
  session: null,
  hallName: '',
  hallNameI18n: undefined,
  windowNumbers: {},
  async load() {
    const me = await api<{ session: Session | null; hall: { name: string; i18n?: NameTranslations; timeZone?: string; windows: { id: string; number: number }[] } }>('/api/me');
    if (me.hall.timeZone) setHallTimeZone(me.hall.timeZone);
    set({ loaded: true, session: me.session, hallName: me.hall.name, hallNameI18n: me.hall.i18n, windowNumbers: Object.fromEntries(me.hall.windows.map((w) => [w.id, w.number])) });
  },
  set(session) {
    set({ session });
  },
  async logout() {
    await api('/api/logout', {});
    set({ session: null });
  },
}));
