// The demo's accounts and the check that keeps them out of a real hall: a production start whose
// data holds any of them refuses, saying what to do (Center.start).
import type { Database } from 'better-sqlite3';
import { checkPassword } from './secrets.ts';

export const DEMO_ADMIN = { username: 'admin', password: 'hallkit-admin' };

export const DEMO_STAFF = [
  { staffNo: 'YT0501', name: '王晓燕', windowId: 'w5', pin: '0501', role: 'staff', windows: '5,6' },
  { staffNo: 'YT0601', name: '李明', windowId: 'w6', pin: '0601', role: 'staff', windows: '' },
  { staffNo: 'YT0701', name: '张丽华', windowId: 'w7', pin: '0701', role: 'staff', windows: '' },
  { staffNo: 'YT1801', name: '刘强', windowId: 'w18', pin: '1801', role: 'staff', windows: '' },
  { staffNo: 'YTZB01', name: '陈值班', windowId: '', pin: '246801', role: 'supervisor', windows: '', zones: ['zhzw', 'gjj'] },
  { staffNo: 'YTDF01', name: '周导服', windowId: '', pin: '1357', role: 'desk', windows: '' },
  { staffNo: 'YTPJ01', name: '吴督查', windowId: '', pin: '975310', role: 'auditor', windows: '' },
] as const;

/** The demo accounts still present with their demo passwords, e.g. `admin/hallkit-admin`, `YT0501`. */
export function demoCredentialsIn(db: Database): string[] {
  const found: string[] = [];
  const admin = db.prepare('SELECT password_hash FROM admins WHERE username = ?').get(DEMO_ADMIN.username) as { password_hash: string } | undefined;
  if (admin && checkPassword(DEMO_ADMIN.password, admin.password_hash)) found.push(`${DEMO_ADMIN.username}/${DEMO_ADMIN.password}`);
  for (const s of DEMO_STAFF) {
    const row = db.prepare('SELECT pin_hash FROM staff WHERE staff_no = ?').get(s.staffNo) as { pin_hash: string } | undefined;
    if (row && checkPassword(s.pin, row.pin_hash)) found.push(s.staffNo);
  }
  return found;
}

/** Removes every demo account that still has its demo password (`hallkit-center admin remove-demo`). */
export function removeDemoCredentials(db: Database): string[] {
  const found = demoCredentialsIn(db);
  db.transaction(() => {
    for (const f of found) {
      if (f.includes('/')) {
        db.prepare('DELETE FROM admins WHERE username = ?').run(DEMO_ADMIN.username);
        db.prepare("DELETE FROM sessions WHERE kind = 'admin' AND subject = ?").run(DEMO_ADMIN.username);
      } else {
        db.prepare('DELETE FROM staff WHERE staff_no = ?').run(f);
        db.prepare("DELETE FROM sessions WHERE kind = 'staff' AND subject = ?").run(f);
      }
    }
  })();
  return found;
}

export class DemoCredentialsRefused extends Error {
  constructor(
    readonly found: string[],
    dataDir: string,
  ) {
    super(
      [
        `This center's data (${dataDir}) still holds the demo's accounts: ${found.join(', ')}.`,
        'A production center (NODE_ENV=production) will not start with passwords everyone can read in the README.',
        'Do this on the server, then start again:',
        '  1. hallkit-center admin create <your-name>      (asks for a password, or prints a one-time setup link)',
        '  2. hallkit-center admin remove-demo             (removes every demo account still on its demo password)',
        'or start from an empty data folder (HALLKIT_DATA_DIR).',
        '这个数据目录里还有演示账号（密码写在 README 里），生产环境拒绝启动：先运行 hallkit-center admin create <用户名>，再运行 hallkit-center admin remove-demo。',
      ].join('\n'),
    );
    this.name = 'DemoCredentialsRefused';
  }
}
