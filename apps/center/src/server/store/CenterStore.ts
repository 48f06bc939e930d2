// The center's SQLite file, under the same durability rules as a device's store (packages/sync
// openDurableDatabase: WAL + synchronous=FULL read back and enforced, quick_check at open), with
// versioned migrations for the center and each of its modules. The tables that grow with the years
// are left out of the check at open (a year of Qingdao: an 11 GB log, 5.8 s to check the report
// figures, 2 s the follow-up cases, at every start): the log's tail is parsed and validated by the
// hall's load, the report tables can be archived again from the log, and the whole file is
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

/** The history's tables: not read whole at every start. */
const GROWING_TABLES = ['hall_events', 'report_day_figures', 'report_follow_ups'];

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
    { uncheckedAtOpen: GROWING_TABLES },
  );
}
