// Every accepted version of the hall definition (namespace `module:hall-definition`): who saved it,
// when, why, what changed. The first row is the base the hall log replays from; every later one
// went into force through a HallConfigChanged event in that log.
import type { Migration } from '@hallkit/sync';

export const HALL_DEFINITION_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'hall definition versions',
    up: `
      CREATE TABLE hall_definition_versions (
        version INTEGER PRIMARY KEY,
        body TEXT NOT NULL,              -- the whole definition (JSON)
        saved_by TEXT NOT NULL,          -- account name, 'hall-file', 'import', 'demo'
        saved_at INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        diff TEXT NOT NULL,              -- HallDefinitionDiff against the version before (JSON)
        base INTEGER NOT NULL DEFAULT 0  -- 1: the log replays from this one
      );
    `,
  },
];
