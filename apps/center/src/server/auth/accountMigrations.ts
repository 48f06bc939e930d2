// The accounts' own tables and columns (namespace `accounts`), over the center's `staff`, `admins`
// and `sessions` (center migration 1). Append only.
import type { Migration } from '@hallkit/sync';

export const ACCOUNT_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'roles, windows a staff member may use, supervisor zones, disabling; admin setup links; session presence',
    up: `
      ALTER TABLE staff ADD COLUMN role TEXT NOT NULL DEFAULT 'staff';
      ALTER TABLE staff ADD COLUMN windows TEXT;        -- WindowRange text; NULL: only window_id
      ALTER TABLE staff ADD COLUMN zones TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE staff ADD COLUMN disabled_at INTEGER;
      ALTER TABLE staff ADD COLUMN updated_at INTEGER;
      ALTER TABLE admins ADD COLUMN created_at INTEGER;
      ALTER TABLE sessions ADD COLUMN created_at INTEGER;
      CREATE TABLE admin_setup_links (
        token_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      );
    `,
  },
];
