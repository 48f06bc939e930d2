// `hallkit-center admin remove-demo`: a data folder the demo once used keeps its accounts
// (admin/hallkit-admin, staff with PINs from the README); this removes every one still on its demo
// password, so the center can start for production.
import { AuditLog } from '../server/auth/AuditLog.ts';
import { removeDemoCredentials } from '../server/auth/DemoCredentials.ts';
import { centerData, type CliCommand } from './CliCommand.ts';

export const adminRemoveDemo: CliCommand = async ({ argv, io }) => {
  const { db, dataDir } = centerData(argv);
  try {
    const removed = removeDemoCredentials(db);
    if (removed.length) new AuditLog(db).record('cli', 'demo-accounts-removed', dataDir, { removed });
    io.out(removed.length ? `已删除演示账号 (removed): ${removed.join(', ')}` : `${dataDir}: 没有演示账号 (no demo accounts)`);
    const admins = (db.prepare('SELECT COUNT(*) AS n FROM admins').get() as { n: number }).n;
    if (admins === 0) io.out('这个中心现在没有管理员：运行 hallkit-center admin create <用户名>');
    return 0;
  } finally {
    db.close();
  }
};
