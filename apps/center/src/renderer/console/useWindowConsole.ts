// The window console's state: the window's live view and the staff's last action's outcome.
import { create } from 'zustand';
import { api, ApiError, live } from '../api/http.ts';
import type { WindowView } from '../api/types.ts';
import { WindowActionReplySchema, WindowViewSchema } from '../../server/views/WindowViewSchema.ts';

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
    // Parsed where it enters: a view of another version (a console left open across an upgrade) is
    // said on screen — reload — rather than drawn half-understood.
    return live<unknown>(
      `/api/windows/${encodeURIComponent(windowId)}/live`,
      (data) => {
        const parsed = WindowViewSchema.safeParse(data);
        set(parsed.success ? { view: parsed.data } : { error: { code: 'view-unreadable', message: parsed.error.message } });
      },
      (connected) => set({ connected }),
    );
  },
  async act(windowId, action, body = {}) {
    set({ busy: true, error: null, notice: null });
    try {
      const r = WindowActionReplySchema.safeParse(await api<unknown>(`/api/windows/${encodeURIComponent(windowId)}/${action}`, body));
      if (!r.success) {
        set({ error: { code: 'view-unreadable', message: r.error.message } });
        return false;
      }
      set({ view: r.data.view, notice: action === 'call-next' && r.data.result === null ? 'no-ticket-waiting' : null });
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
