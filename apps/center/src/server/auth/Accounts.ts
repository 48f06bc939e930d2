// Who may use the consoles: hall admins (user name + password) and staff accounts (工号 + PIN) with a
// role — window staff, zone supervisors, the service desk, rating auditors. Sessions are random
// tokens kept hashed; the cookie holds the token. A window session names the window it was opened at.
import type { Database } from 'better-sqlite3';
import { checkPassword, hashPassword, hashToken, randomToken } from './secrets.ts';
import { formatWindowRange, parseWindowRange, windowInRange, type WindowRange } from './WindowRange.ts';
import type { StaffRole } from './Role.ts';

export type StaffSession = {
  kind: 'staff';
  role: StaffRole;
  staffNo: string;
  name: string;
  /** The window this session was opened at; null for a supervisor, desk or auditor log-in. */
  windowId: string | null;
  /** Zones a supervisor runs. */
  zones: string[];
};
export type Session = StaffSession | { kind: 'admin'; username: string };

export interface StaffMember {
  staffNo: string;
  name: string;
  role: StaffRole;
  /** The window they usually work at (the console's default); '' when none. */
  windowId: string;
  /** Windows they may log in at: "5,7,10-20", "*", or '' for only `windowId`. */
  windows: string;
  zones: string[];
  disabled: boolean;
}

/** What an admin (or the workbook's 人员 sheet) sets; a PIN only when it changes. */
export interface StaffChange {
  staffNo: string;
  name: string;
  role?: StaffRole;
  windowId?: string;
  windows?: string;
  zones?: string[];
  disabled?: boolean;
}

const SESSION_MS = 12 * 3600_000;

interface StaffRow {
  staff_no: string;
  name: string;
  pin_hash: string;
  window_id: string;
  role: StaffRole;
  windows: string | null;
  zones: string;
  disabled_at: number | null;
}

const member = (r: StaffRow): StaffMember => ({
  staffNo: r.staff_no,
  name: r.name,
  role: r.role,
  windowId: r.window_id,
  windows: r.windows ?? '',
  zones: JSON.parse(r.zones) as string[],
  disabled: r.disabled_at !== null,
});

export class Accounts {
  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds or changes a staff member; `pin` sets a new PIN (required for a new one). Windows are checked by the caller. */
  saveStaff(c: StaffChange, pin?: string): StaffMember {
    const old = this.row(c.staffNo);
    if (!old && pin === undefined) throw new Error(`new staff ${c.staffNo} needs a PIN`);
    const windows = c.windows !== undefined ? (c.windows.trim() === '' ? null : formatWindowRange(parseWindowRange(c.windows))) : (old?.windows ?? null);
    const disabledAt = c.disabled === undefined ? (old?.disabled_at ?? null) : c.disabled ? (old?.disabled_at ?? this.now()) : null;
    this.db
      .prepare(
        `INSERT INTO staff (staff_no, name, pin_hash, window_id, role, windows, zones, disabled_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (staff_no) DO UPDATE SET name = excluded.name, pin_hash = excluded.pin_hash, window_id = excluded.window_id, role = excluded.role,
           windows = excluded.windows, zones = excluded.zones, disabled_at = excluded.disabled_at, updated_at = excluded.updated_at`,
      )
      .run(
        c.staffNo,
        c.name,
        pin !== undefined ? hashPassword(pin) : (old as StaffRow).pin_hash,
        c.windowId ?? old?.window_id ?? '',
        c.role ?? old?.role ?? 'staff',
        windows,
        JSON.stringify(c.zones ?? (old ? (JSON.parse(old.zones) as string[]) : [])),
        disabledAt,
        this.now(),
      );
    // A disabled account or a changed role ends its sessions at once.
    if (disabledAt !== null || (old && c.role !== undefined && c.role !== old.role)) this.endSessionsOf('staff', c.staffNo);
    return this.staff(c.staffNo) as StaffMember;
  }

  /** The demo's and old tests' way: a window staff member bound to one window. */
  upsertStaff(s: { staffNo: string; name: string; windowId: string }, pin: string): void {
    this.saveStaff({ staffNo: s.staffNo, name: s.name, windowId: s.windowId }, pin);
  }

  upsertAdmin(username: string, password: string): void {
    this.db
      .prepare('INSERT INTO admins (username, password_hash, created_at) VALUES (?, ?, ?) ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash')
      .run(username, hashPassword(password), this.now());
  }

  adminNames(): string[] {
    return (this.db.prepare('SELECT username FROM admins ORDER BY username').all() as { username: string }[]).map((r) => r.username);
  }

  removeAdmin(username: string): boolean {
    this.endSessionsOf('admin', username);
    return this.db.prepare('DELETE FROM admins WHERE username = ?').run(username).changes > 0;
  }

  staff(staffNo: string): StaffMember | undefined {
    const r = this.row(staffNo);
    return r ? member(r) : undefined;
  }

  allStaff(): StaffMember[] {
    return (this.db.prepare('SELECT * FROM staff ORDER BY staff_no').all() as StaffRow[]).map(member);
  }

  removeStaff(staffNo: string): boolean {
    this.endSessionsOf('staff', staffNo);
    return this.db.prepare('DELETE FROM staff WHERE staff_no = ?').run(staffNo).changes > 0;
  }

  /** Whether this staff member may log in at a window (its number decides: "5,10-20" or "*"). */
  mayUseWindow(s: StaffMember, windowId: string, windowNumber: number): boolean {
    if (s.windowId === windowId) return true;
    if (s.windows === '') return false;
    const range: WindowRange = parseWindowRange(s.windows);
    return windowInRange(range, windowNumber);
  }

  /** Checks 工号 + PIN; a disabled account never logs in. The caller decides where (window or not). */
  checkStaff(staffNo: string, pin: string): StaffMember | undefined {
    const r = this.row(staffNo);
    if (!r || !checkPassword(pin, r.pin_hash) || r.disabled_at !== null) return undefined;
    return member(r);
  }

  staffLogin(s: StaffMember, windowId: string | null): { token: string; session: StaffSession } {
    const session: StaffSession = { kind: 'staff', role: s.role, staffNo: s.staffNo, name: s.name, windowId, zones: s.zones };
    return { token: this.newSession('staff', s.staffNo, windowId), session };
  }

  adminLogin(username: string, password: string): { token: string; session: Session } | undefined {
    const row = this.db.prepare('SELECT password_hash FROM admins WHERE username = ?').get(username) as { password_hash: string } | undefined;
    if (!row || !checkPassword(password, row.password_hash)) return undefined;
    return { token: this.newSession('admin', username, null), session: { kind: 'admin', username } };
  }

  private newSession(kind: string, subject: string, windowId: string | null): string {
    const token = randomToken();
    const now = this.now();
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now);
    this.db
      .prepare('INSERT INTO sessions (token_hash, kind, subject, window_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(hashToken(token), kind, subject, windowId, now + SESSION_MS, now);
    return token;
  }

  session(token: string | undefined): Session | undefined {
    if (!token) return undefined;
    const row = this.db.prepare('SELECT kind, subject, window_id FROM sessions WHERE token_hash = ? AND expires_at > ?').get(hashToken(token), this.now()) as
      | { kind: string; subject: string; window_id: string | null }
      | undefined;
    if (!row) return undefined;
    if (row.kind === 'admin') {
      const exists = this.db.prepare('SELECT 1 FROM admins WHERE username = ?').get(row.subject);
      return exists ? { kind: 'admin', username: row.subject } : undefined;
    }
    const s = this.staff(row.subject);
    if (!s || s.disabled) return undefined;
    return { kind: 'staff', role: s.role, staffNo: s.staffNo, name: s.name, windowId: row.window_id, zones: s.zones };
  }

  /** Staff sessions open at windows: who is logged in where (for the hall map and the idle sweep). */
  windowSessions(): { staffNo: string; windowId: string; createdAt: number }[] {
    return this.db
      .prepare("SELECT subject AS staffNo, window_id AS windowId, COALESCE(created_at, 0) AS createdAt FROM sessions WHERE kind = 'staff' AND window_id IS NOT NULL AND expires_at > ?")
      .all(this.now()) as { staffNo: string; windowId: string; createdAt: number }[];
  }

  /** Ends the window sessions at `windowId` (of everyone, or everyone but `keep`). */
  endWindowSessions(windowId: string, keep?: string): number {
    return this.db.prepare("DELETE FROM sessions WHERE kind = 'staff' AND window_id = ? AND subject IS NOT ?").run(windowId, keep ?? null).changes;
  }

  endSessionsOf(kind: 'staff' | 'admin', subject: string): void {
    this.db.prepare('DELETE FROM sessions WHERE kind = ? AND subject = ?').run(kind, subject);
  }

  logout(token: string | undefined): void {
    if (token) this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
  }

  private row(staffNo: string): StaffRow | undefined {
    return this.db.prepare('SELECT * FROM staff WHERE staff_no = ?').get(staffNo) as StaffRow | undefined;
  }
}
