// `hallkit-center admin create NAME`: the first admin of a new center (or another one) without a
// default password. On a terminal it asks for the password twice, hidden; otherwise (or --link)
// it prints a one-time link where the new admin sets it in the browser.
import { Accounts } from '../server/auth/Accounts.ts';
import { AdminSetup } from '../server/auth/AdminSetup.ts';
import { AuditLog } from '../server/auth/AuditLog.ts';
import { centerData, flag, UsageError, type CliCommand } from './CliCommand.ts';
import { promptHidden } from './promptHidden.ts';

export const adminCreate: CliCommand = async ({ args, argv, io }) => {
  const name = args[0];
  if (!name) throw new UsageError('admin create needs the new admin’s user name');
  const reset = flag(argv, 'reset');
  const { db, publicUrl } = centerData(argv);
  try {
    const setup = new AdminSetup(db, new Accounts(db));
    setup.checkName(name, { reset });
    const audit = new AuditLog(db);
    if (!flag(argv, 'link') && process.stdin.isTTY) {
      const password = await promptHidden(`新管理员 ${name} 的密码 (password): `);
      const again = await promptHidden('再输入一次 (again): ');
      if (password !== again) {
        io.err('两次输入的密码不一致，未创建 (the passwords differ; nothing created)');
        return 1;
      }
      setup.create(name, password, { reset });
      audit.record('cli', reset ? 'admin-password-reset' : 'admin-created', name);
      io.out(`管理员 ${name} 已创建。在 ${publicUrl.replace(/\/$/, '')}/admin 登录。`);
      return 0;
    }
    const link = setup.link(name, { reset });
    audit.record('cli', 'admin-setup-link', name, { expiresAt: new Date(link.expiresAt).toISOString() });
    io.out(`一次性设置链接（24 小时内有效，只能用一次）/ one-time setup link for ${name}:`);
    io.out(`  ${publicUrl.replace(/\/$/, '')}/setup#token=${link.token}`);
    return 0;
  } finally {
    db.close();
  }
};
