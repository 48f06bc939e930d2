// The record of the center's database backups (namespace `backups`).
import type { Migration } from '@hallkit/sync';

export const BACKUP_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'backup runs',
    up: `
      CREATE TABLE center_backups (
        n INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        file TEXT NOT NULL,
        bytes INTEGER,
        ms INTEGER NOT NULL,
        ok INTEGER NOT NULL,
        error TEXT,
        reason TEXT NOT NULL
      );
    `,
  },
];
