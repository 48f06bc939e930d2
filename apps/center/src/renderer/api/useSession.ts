import { create } from 'zustand';
import { api } from './http.ts';
import type { Session } from './types.ts';
import { setHallTimeZone } from '../common/format.ts';

interface SessionStore {
  loaded: boolean;
  session: Session | null;
  hallName: string;
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
  windowNumbers: {},
  async load() {
    const me = await api<{ session: Session | null; hall: { name: string; timeZone?: string; windows: { id: string; number: number }[] } }>('/api/me');
    if (me.hall.timeZone) setHallTimeZone(me.hall.timeZone);
    set({ loaded: true, session: me.session, hallName: me.hall.name, windowNumbers: Object.fromEntries(me.hall.windows.map((w) => [w.id, w.number])) });
  },
  set(session) {
    set({ session });
  },
  async logout() {
    await api('/api/logout', {});
    set({ session: null });
  },
}));
