// Putting a backup in place of center.sqlite (the center stopped): the backup is checked first, the
// current file (and its -wal/-shm) is kept aside, never deleted. docs/operations.md, 备份与恢复.
import { copyFileSync, existsSync, renameSync, rmSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export function restoreBackup(dataDir: string, backupFile: string, now: Date = new Date()): { keptAside: string | null } {
  const check = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const result = check.pragma('quick_check', { simple: true }) as string;
    if (result !== 'ok') throw new Error(`${backupFile} failed its check: ${result}`);
  } finally {
    check.close();
  }
  const target = join(dataDir, 'center.sqlite');
  let keptAside: string | null = null;
  if (existsSync(target)) {
    keptAside = `${target}.before-restore-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`;
    // A center still running would keep writing into the moved file: refuse while it holds the lock.
    const probe = new Database(target, { fileMustExist: true });
    try {
      probe.exec('BEGIN EXCLUSIVE; COMMIT;');
      probe.pragma('wal_checkpoint(TRUNCATE)');
    } catch (e) {
      throw new Error(`center.sqlite is in use (stop the center first): ${(e as Error).message}`);
    } finally {
      probe.close();
    }
    renameSync(target, keptAside);
    for (const ext of ['-wal', '-shm']) if (existsSync(target + ext)) renameSync(target + ext, keptAside + ext);
  }
  copyFileSync(backupFile, `${target}.restoring`);
  chmodSync(`${target}.restoring`, 0o600);
  renameSync(`${target}.restoring`, target);
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  return { keptAside };
}
