// `hallkit-center backup …`: the center database's backups (docs/operations.md, 备份与恢复).
//   backup now              an online copy now (the center may be running)
//   backup list             the copies kept
//   backup restore FILE     put FILE in place of center.sqlite (stop the center first; the old file is kept aside)
import { join } from 'node:path';
import { centerSettings } from '../server/CenterSettings.ts';
import { AuditLog } from '../server/auth/AuditLog.ts';
import { CenterBackups } from '../server/backups/CenterBackups.ts';
import { restoreBackup } from '../server/backups/restoreBackup.ts';
import { openCenterDb } from '../server/store/CenterStore.ts';
import { BACKUP_MIGRATIONS } from '../server/backups/backupMigrations.ts';
import type { CliContext } from './CliCommand.ts';

const USAGE = `hallkit-center backup <now | list | restore FILE> [--data=DIR] [--backup-dir=DIR]
  exit code: 0 ok, 1 refused or failed, 2 usage error`;

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export async function backupCommand(argv: string[], io: CliContext['io'] = { out: (s) => console.log(s), err: (s) => console.error(s) }): Promise<number> {
  const words = argv.filter((a) => !a.startsWith('--'));
  try {
    const s = centerSettings(process.env, argv);
    const dir = s.backups?.dir ?? join(s.dataDir, 'backups');
    switch (words[0]) {
      case 'now':
      case 'list': {
        const db = openCenterDb(join(s.dataDir, 'center.sqlite'), [{ namespace: 'backups', migrations: BACKUP_MIGRATIONS }]);
        try {
          const backups = new CenterBackups(db, { dir, everyHours: 0, keep: s.backups?.keep ?? 28 }, new AuditLog(db), quiet, () => new Date());
          if (words[0] === 'now') {
            const run = await backups.backupNow('cli');
            if (!run.ok) throw new Error(run.error ?? 'failed');
            io.out(`${join(dir, run.file)} (${run.bytes} bytes, ${run.ms} ms)`);
          } else for (const f of backups.files()) io.out(`${join(dir, f.file)}\t${f.bytes}`);
          return 0;
        } finally {
          db.close();
        }
      }
      case 'restore': {
        const file = words[1];
        if (!file) break;
        const r = restoreBackup(s.dataDir, file);
        io.out(`restored ${file} as ${join(s.dataDir, 'center.sqlite')}${r.keptAside ? `; the previous file is kept as ${r.keptAside}` : ''}. Start the center: devices send again what it lacks.`);
        return 0;
      }
    }
  } catch (e) {
    io.err(`hallkit-center backup ${words[0] ?? ''}: ${(e as Error).message}`);
    return 1;
  }
  io.err(USAGE);
  return 2;
}
