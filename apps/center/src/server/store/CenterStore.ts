// The center's SQLite file, under the same durability rules as a device's store (packages/sync
// openDurableDatabase: WAL + synchronous=FULL read back and enforced, quick_check at open), with
// versioned migrations for the center and each of its modules. The hall log is left out of the check
// at open (it grows for years: a year of Qingdao is gigabytes, minutes of reading at every start);
// its tail is parsed and validated by the hall's load, and the whole file, log included, is
// quick_checked on every scheduled backup (backups/CenterBackups.ts checks each copy).
import type { Database as Db } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate, MigrationError, openDurableDatabase, StoreRefusedError, type Migration } from '@hallkit/sync';
import { CENTER_MIGRATIONS } from './migrations.ts';
import { HISTORY_MIGRATIONS } from '../history/historyMigrations.ts';
import { ACCOUNT_MIGRATIONS } from '../auth/accountMigrations.ts';

/** The center's database cannot be trusted to keep records. */
export { StoreRefusedError as CenterStoreRefusedError };

export function openCenterDb(path: string, extraMigrations: readonly { namespace: string; migrations: readonly Migration[] }[] = []): Db {
  mkdirSync(dirname(path), { recursive: true });
  return openDurableDatabase(
    path,
    (db) => {
      migrate(db, 'center', CENTER_MIGRATIONS);
      migrate(db, 'history', HISTORY_MIGRATIONS);
      migrate(db, 'accounts', ACCOUNT_MIGRATIONS);
      for (const m of extraMigrations) migrate(db, m.namespace, m.migrations);
      return db;
    },
    [MigrationError],
    { uncheckedAtOpen: ['hall_events'] },
  );
}
