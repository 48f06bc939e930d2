// The window console's state: the window's live view and the staff's last action's outcome.
import { create } from 'zustand';
import { api, ApiError, live } from '../api/http.ts';
import type { WindowView } from '../api/types.ts';

interface WindowConsoleStore {
  view: WindowView | null;
  connected: boolean;
  busy: boolean;
  /** i18n key + fallback message of the last refused action. */
  error: { code: string; message: string } | null;
  notice: string | null;
  connect(windowId: string): () => void;
  act(windowId: string, action: string, body?: unknown): Promise<boolean>;
  clearError(): void;
}

export const useWindowConsole = create<WindowConsoleStore>((set) => ({
  view: null,
  connected: false,
  busy: false,
  error: null,
  notice: null,
  connect(windowId) {
    return live<WindowView>(`/api/windows/${encodeURIComponent(windowId)}/live`, (view) => set({ view }), (connected) => set({ connected }));
  },
  async act(windowId, action, body = {}) {
    set({ busy: true, error: null, notice: null });
    try {
      const r = await api<{ view: WindowView; result: unknown }>(`/api/windows/${encodeURIComponent(windowId)}/${action}`, body);
      set({ view: r.view, notice: action === 'call-next' && r.result === null ? 'no-ticket-waiting' : null });
      return true;
    } catch (e) {
      set({ error: e instanceof ApiError ? { code: e.code, message: e.message } : { code: 'network', message: String(e) } });
      return false;
    } finally {
      set({ busy: false });
    }
  },
  clearError() {
    set({ error: null });
  },
}));
