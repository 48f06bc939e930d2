// First run without default passwords: `hallkit-center admin create NAME` either asks for the
// password on the terminal or hands out a one-time link (/setup#token=…) where the new admin
// chooses it. A link works once, for 24 hours; only its hash is kept.
import type { Database } from 'better-sqlite3';
import { hashToken, randomToken } from './secrets.ts';
import { MIN_ADMIN_PASSWORD } from './Role.ts';
import type { Accounts } from './Accounts.ts';
import { DEMO_ADMIN } from './DemoCredentials.ts';

export const SETUP_LINK_MS = 24 * 3600_000;
export const ADMIN_NAME = /^[A-Za-z0-9_.-]{2,32}$/;

export class AdminSetupError extends Error {
  constructor(
    readonly code: 'bad-name' | 'weak-password' | 'admin-exists' | 'link-invalid',
    message: string,
  ) {
    super(message);
  }
}

/** Why a password is refused, in the admin's words; undefined when it is fine. */
export function passwordProblem(username: string, password: string): string | undefined {
  if (password.length < MIN_ADMIN_PASSWORD) return `密码至少 ${MIN_ADMIN_PASSWORD} 个字符 (at least ${MIN_ADMIN_PASSWORD} characters)`;
  if (password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名 (must not contain the user name)';
  if (password === DEMO_ADMIN.password) return '这是演示密码，请换一个 (that is the demo password)';
  return undefined;
}

export class AdminSetup {
  constructor(
    private readonly db: Database,
    private readonly accounts: Accounts,
    private readonly now: () => number = Date.now,
  ) {}

  checkName(username: string, opts: { reset?: boolean } = {}): void {
    if (!ADMIN_NAME.test(username)) throw new AdminSetupError('bad-name', '用户名只用字母、数字和 . _ -，2–32 个字符');
    const exists = this.accounts.adminNames().includes(username);
    if (exists && !opts.reset) throw new AdminSetupError('admin-exists', `管理员 ${username} 已存在；要重设密码请加 --reset`);
  }

  create(username: string, password: string, opts: { reset?: boolean } = {}): void {
    this.checkName(username, opts);
    const problem = passwordProblem(username, password);
    if (problem) throw new AdminSetupError('weak-password', problem);
    this.accounts.upsertAdmin(username, password);
  }

  /** A one-time link token for `username` (the account is made when the link is used). */
  link(username: string, opts: { reset?: boolean } = {}): { token: string; expiresAt: number } {
    this.checkName(username, opts);
    const token = randomToken(24);
    const expiresAt = this.now() + SETUP_LINK_MS;
    this.db.prepare('INSERT INTO admin_setup_links (token_hash, username, expires_at) VALUES (?, ?, ?)').run(hashToken(token), username, expiresAt);
    return { token, expiresAt };
  }

  /** Who a link is for, if it is still good. */
  linkUser(token: string): string | undefined {
    const row = this.db.prepare('SELECT username FROM admin_setup_links WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?').get(hashToken(token), this.now()) as
      | { username: string }
      | undefined;
    return row?.username;
  }

  /** Sets the password through a link; the link is spent. */
  useLink(token: string, password: string): string {
    const username = this.linkUser(token);
    if (!username) throw new AdminSetupError('link-invalid', '设置链接无效、已用过或已过期；请在服务器上再运行 hallkit-center admin create');
    const problem = passwordProblem(username, password);
    if (problem) throw new AdminSetupError('weak-password', problem);
    this.db.transaction(() => {
      this.accounts.upsertAdmin(username, password);
      this.db.prepare('UPDATE admin_setup_links SET used_at = ? WHERE token_hash = ?').run(this.now(), hashToken(token));
    })();
    return username;
  }
}
