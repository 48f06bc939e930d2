import { create } from 'zustand';
import { api, ApiError, live } from '../api/http.ts';
import type { AdminView } from '../api/types.ts';

interface AdminStore {
  view: AdminView | null;
  connected: boolean;
  error: string | null;
  connect(): () => void;
  post<T>(path: string, body: unknown): Promise<T | undefined>;
}

export const useAdmin = create<AdminStore>((set) => ({
  view: null,
  connected: false,
  error: null,
  connect() {
    return live<AdminView>('/api/admin/live', (view) => set({ view }), (connected) => set({ connected }));
  },
  async post<T>(path: string, body: unknown) {
    set({ error: null });
    try {
      return await api<T>(path, body);
    } catch (e) {
      set({ error: e instanceof ApiError ? e.code : 'network' });
      return undefined;
    }
  },
}));
