// Changing the hall definition of a running center: check (schema, references, nothing stranded),
// then in one transaction the HallConfigChanged event in the hall log and the version row; then the
// retained config every device applies. Used by the admin console, the importer and the demo.
import type { Database } from 'better-sqlite3';
import {
  checkConfigChange,
  waitingMoves,
  DomainError,
  diffHallDefinitions,
  isEmptyDiff,
  problem,
  type DefinitionProblem,
  type HallDefinition,
  type HallDefinitionDiff,
  type WaitingMoveRequest,
} from '@hallkit/core';
import type { Logger } from '@hallkit/sync';
import type { HallService } from '../HallService.ts';
import type { ConfigVersions } from '../../provisioning/ConfigVersions.ts';
import { parseHallDefinition } from './HallFile.ts';
import type { HallDefinitions } from './HallDefinitions.ts';
import type { StaffRow } from '../workbook/StaffRow.ts';

export type ChangeOutcome =
  | { ok: true; version: number; diff: HallDefinitionDiff; warnings: DefinitionProblem[] }
  | { ok: false; problems: DefinitionProblem[]; diff?: HallDefinitionDiff };

export class HallEditor {
  /** The checked 人员 rows of the last confirmed workbook import. */
  lastImportedStaff: readonly StaffRow[] = [];
  private readonly staffListeners: ((rows: readonly StaffRow[]) => void)[] = [];

  constructor(
    private readonly db: Database,
    private readonly hall: HallService,
    private readonly versions: HallDefinitions,
    private readonly configs: ConfigVersions,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  /** The accounts part creates or updates staff accounts from imported 人员 rows: it listens here. */
  onStaffImported(fn: (rows: readonly StaffRow[]) => void): void {
    this.staffListeners.push(fn);
  }

  staffImported(rows: readonly StaffRow[]): void {
    this.lastImportedStaff = rows;
    for (const fn of this.staffListeners) fn(rows);
  }

  current(): HallDefinition {
    return this.hall.config;
  }

  /**
   * What saving `json` would do, without doing it: the problems at their fields and the difference.
   * `moves`: the admin chose to move the waiting tickets of these categories elsewhere.
   */
  check(json: unknown, moves: readonly WaitingMoveRequest[] = []): ChangeOutcome & { definition?: HallDefinition } {
    const next = this.nextVersion(json);
    if (!next.ok) return next;
    const problems = checkConfigChange(this.hall.state, next.definition, waitingMoves(this.hall.state, moves));
    const diff = diffHallDefinitions(this.current(), next.definition);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) return { ok: false, problems, diff };
    return {
      ok: true,
      version: next.definition.version,
      diff,
      warnings: problems,
      definition: next.definition,
    };
  }

  /** Check and, if nothing is wrong, put it in force now. A refused change changes nothing. */
  async save(json: unknown, by: string, note = '', moves: readonly WaitingMoveRequest[] = []): Promise<ChangeOutcome> {
    const checked = this.check(json, moves);
    if (!checked.ok || !checked.definition) return checked;
    const def = checked.definition;
    if (isEmptyDiff(checked.diff))
      return {
        ok: false,
        problems: [problem([], 'noChanges')],
        diff: checked.diff,
      };
    const before = this.current();
    try {
      this.db.transaction(() => {
        this.hall.run(by, (h) => h.changeConfig(def, by, this.now().toISOString(), moves));
        this.versions.record(def, by, this.now(), note, before, checked.diff);
      })();
    } catch (e) {
      // Checked a moment ago; the hall moved in between (a ticket was issued): say why, change nothing.
      if (e instanceof DomainError)
        return { ok: false, problems: [problem([], 'refusedNow', { reason: e.message })] };
      throw e;
    }
    this.logger.info('hall definition changed', { version: def.version, by, note, ...(moves.length ? { moves } : {}) });
    await this.publish();
    return { ok: true, version: def.version, diff: checked.diff, warnings: checked.warnings };
  }

  /** Put an earlier version back in force, as a new version (history only grows). */
  async rollback(version: number, by: string): Promise<ChangeOutcome> {
    const old = this.versions.get(version);
    if (!old)
      return {
        ok: false,
        problems: [problem(['version'], 'noSuchVersion', { version })],
      };
    return this.save(old, by, `回滚到版本 ${version}`);
  }

  /** The definition in force, retained for every device (kiosk tiles, boards, pads apply it live). */
  async publish(): Promise<void> {
    await this.configs.publish('hall', 'hall', this.current());
  }

  /** The definition parsed and numbered as the next version (the center numbers versions, not the sender). */
  private nextVersion(
    json: unknown,
  ): { ok: true; definition: HallDefinition } | { ok: false; problems: DefinitionProblem[] } {
    const withVersion =
      json !== null && typeof json === 'object'
        ? { ...(json as object), v: 2, version: this.current().version + 1 }
        : json;
    const r = parseHallDefinition(withVersion);
    if (!r.ok) return r;
    return { ok: true, definition: r.definition };
  }
}
