// The center's record of hall definition versions (see hallDefinitionMigrations.ts).
import type { Database } from 'better-sqlite3';
import {
  diffHallDefinitions,
  HallDefinitionSchema,
  type HallDefinition,
  type HallDefinitionDiff,
} from '@hallkit/core';

export interface DefinitionVersion {
  version: number;
  savedBy: string;
  savedAt: string;
  note: string;
  diff: HallDefinitionDiff;
}

interface Row {
  version: number;
  body: string;
  saved_by: string;
  saved_at: number;
  note: string;
  diff: string;
  base: number;
}

export class HallDefinitions {
  constructor(private readonly db: Database) {}

  /**
   * The definition the hall log replays from. A new center takes the hall file as its first version;
   * a center with history keeps its own (edits made in the console survive a restart).
   */
  baseOr(fromFile: HallDefinition, now: Date): HallDefinition {
    const row = this.db.prepare('SELECT body FROM hall_definition_versions WHERE base = 1').get() as
      { body: string } | undefined;
    if (row) return HallDefinitionSchema.parse(JSON.parse(row.body));
    this.insert(fromFile, 'hall-file', now, '从大厅定义文件启动', undefined, true);
    return fromFile;
  }

  /** `diff`: the difference already worked out by the caller (a Yantai-sized diff is not free). */
  record(def: HallDefinition, by: string, now: Date, note: string, before: HallDefinition | undefined, diff?: HallDefinitionDiff): void {
    this.insert(def, by, now, note, before, false, diff);
  }

  private insert(
    def: HallDefinition,
    by: string,
    now: Date,
    note: string,
    before: HallDefinition | undefined,
    base: boolean,
    diff: HallDefinitionDiff = diffHallDefinitions(before, def),
  ): void {
    this.db
      .prepare(
        'INSERT INTO hall_definition_versions (version, body, saved_by, saved_at, note, diff, base) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        def.version,
        JSON.stringify(def),
        by,
        now.getTime(),
        note,
        JSON.stringify(diff),
        base ? 1 : 0,
      );
  }

  /** The last definition that came from the hall file (to tell whether hall IT changed the file since). */
  lastFromFile(): HallDefinition | undefined {
    const row = this.db
      .prepare(
        "SELECT body FROM hall_definition_versions WHERE saved_by = 'hall-file' ORDER BY version DESC LIMIT 1",
      )
      .get() as { body: string } | undefined;
    return row ? HallDefinitionSchema.parse(JSON.parse(row.body)) : undefined;
  }

  /** Newest first, without the bodies. */
  list(limit = 200): DefinitionVersion[] {
    const rows = this.db
      .prepare(
        'SELECT version, saved_by, saved_at, note, diff FROM hall_definition_versions ORDER BY version DESC LIMIT ?',
      )
      .all(limit) as Row[];
    return rows.map((r) => ({
      version: r.version,
      savedBy: r.saved_by,
      savedAt: new Date(r.saved_at).toISOString(),
      note: r.note,
      diff: JSON.parse(r.diff) as HallDefinitionDiff,
    }));
  }

  get(version: number): HallDefinition | undefined {
    const row = this.db
      .prepare('SELECT body FROM hall_definition_versions WHERE version = ?')
      .get(version) as { body: string } | undefined;
    return row ? HallDefinitionSchema.parse(JSON.parse(row.body)) : undefined;
  }
}
