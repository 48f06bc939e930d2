import { create } from 'zustand';
import { api, ApiError } from '../api/http.ts';

export interface DeskCategory {
  id: string;
  name: string;
  prefix: string;
  zoneName: string;
  open: boolean;
  waiting: number;
  estimateMinutes: number | null;
  items: { id: string; name: string }[];
}
export interface DeskView {
  v: 1;
  categories: DeskCategory[];
  lateArrival: { allowed: boolean; withinMinutes: number | null };
}
export interface IssuedTicket {
  ticketId: string;
  number: string;
  priority: 'green' | 'normal';
  categoryName: string;
  zoneName: string | null;
  zoneLocation: string | null;
  itemName: string | null;
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
  issuedAt: string;
  followUrl: string;
  qrSvg: string;
}
export interface DeskTicket {
  ticketId: string;
  number: string;
  categoryName: string;
  priority: 'green' | 'appointment' | 'normal';
  status: string;
  issuedAt: string;
  windowNumber: number | null;
  peopleAhead: number | null;
  late: { state: 'open' | 'expired' | 'not-allowed'; untilTime?: string } | null;
}
export type GreenGround = 'elderly' | 'disabled' | 'pregnant' | 'key-project' | 'other';

interface DeskStore {
  view: DeskView | null;
  issued: IssuedTicket | null;
  /** The refusal code of the last issue (said on screen in the staff's language). */
  issueError: string | null;
  load(): Promise<void>;
  issue(categoryId: string, itemId: string | null, green: { ground: GreenGround; note?: string } | null): Promise<IssuedTicket | null>;
}

const code = (e: unknown) => (e instanceof ApiError ? e.code : 'network');

export const useDesk = create<DeskStore>((set, get) => ({
  view: null,
  issued: null,
  issueError: null,
  async load() {
    try {
      set({ view: await api<DeskView>('/api/desk/view') });
    } catch {
      // Keep the last view; the next refresh tries again.
    }
  },
  async issue(categoryId, itemId, green) {
    set({ issueError: null });
    try {
      const t = await api<IssuedTicket>('/api/desk/tickets', { v: 1, categoryId, ...(itemId ? { itemId } : {}), green });
      set({ issued: t });
      void get().load();
      return t;
    } catch (e) {
      set({ issueError: code(e) });
      return null;
    }
  },
}));
