// Who may use the consoles: window staff (工号 + PIN, bound to one window) and hall admins
// (user name + password). Sessions are random tokens kept hashed; the cookie holds the token.
import type { Database } from 'better-sqlite3';
import { checkPassword, hashPassword, hashToken, randomToken } from './secrets.ts';

export type Session = { kind: 'staff'; staffNo: string; name: string; windowId: string } | { kind: 'admin'; username: string };

export interface StaffMember {
  staffNo: string;
  name: string;
  windowId: string;
}

const SESSION_MS = 12 * 3600_000;

export class Accounts {
  constructor(private readonly db: Database) {}

  upsertStaff(s: StaffMember, pin: string): void {
    this.db
      .prepare('INSERT INTO staff (staff_no, name, pin_hash, window_id) VALUES (?, ?, ?, ?) ON CONFLICT (staff_no) DO UPDATE SET name = excluded.name, pin_hash = excluded.pin_hash, window_id = excluded.window_id')
      .run(s.staffNo, s.name, hashPassword(pin), s.windowId);
  }

  upsertAdmin(username: string, password: string): void {
    this.db.prepare('INSERT INTO admins (username, password_hash) VALUES (?, ?) ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash').run(username, hashPassword(password));
  }

  staff(staffNo: string): StaffMember | undefined {
    return this.db.prepare('SELECT staff_no AS staffNo, name, window_id AS windowId FROM staff WHERE staff_no = ?').get(staffNo) as StaffMember | undefined;
  }

  allStaff(): StaffMember[] {
    return this.db.prepare('SELECT staff_no AS staffNo, name, window_id AS windowId FROM staff ORDER BY staff_no').all() as StaffMember[];
  }

  staffLogin(staffNo: string, pin: string): { token: string; session: Session } | undefined {
    const row = this.db.prepare('SELECT name, pin_hash, window_id FROM staff WHERE staff_no = ?').get(staffNo) as { name: string; pin_hash: string; window_id: string } | undefined;
    if (!row || !checkPassword(pin, row.pin_hash)) return undefined;
    const session: Session = { kind: 'staff', staffNo, name: row.name, windowId: row.window_id };
    return { token: this.newSession('staff', staffNo, row.window_id), session };
  }

  adminLogin(username: string, password: string): { token: string; session: Session } | undefined {
    const row = this.db.prepare('SELECT password_hash FROM admins WHERE username = ?').get(username) as { password_hash: string } | undefined;
    if (!row || !checkPassword(password, row.password_hash)) return undefined;
    return { token: this.newSession('admin', username, null), session: { kind: 'admin', username } };
  }

  private newSession(kind: string, subject: string, windowId: string | null): string {
    const token = randomToken();
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(Date.now());
    this.db.prepare('INSERT INTO sessions (token_hash, kind, subject, window_id, expires_at) VALUES (?, ?, ?, ?, ?)').run(hashToken(token), kind, subject, windowId, Date.now() + SESSION_MS);
    return token;
  }

  session(token: string | undefined): Session | undefined {
    if (!token) return undefined;
    const row = this.db.prepare('SELECT kind, subject, window_id FROM sessions WHERE token_hash = ? AND expires_at > ?').get(hashToken(token), Date.now()) as
      | { kind: string; subject: string; window_id: string | null }
      | undefined;
    if (!row) return undefined;
    if (row.kind === 'admin') return { kind: 'admin', username: row.subject };
    const s = this.staff(row.subject);
    return s && row.window_id ? { kind: 'staff', staffNo: s.staffNo, name: s.name, windowId: row.window_id } : undefined;
  }

  logout(token: string | undefined): void {
    if (token) this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
  }
}
