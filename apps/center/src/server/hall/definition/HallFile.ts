// A hall file: the hall definition as JSON on disk (halls/*.json ships three). Read, checked, and
// refused with every problem named when it is not a hall a center can run.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkHallDefinition,
  formatMinuteOfDay,
  HallDefinitionSchema,
  type DefinitionProblem,
  type HallDefinition,
} from '@hallkit/core';

export const SHIPPED_HALLS = ['yantai', 'qingdao', 'zhaoyuan'] as const;

export class HallFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: DefinitionProblem[],
  ) {
    super(
      `${file}: ${problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.path.join('.') || '(文件)'}: ${p.message}`)
        .join('; ')}`,
    );
    this.name = 'HallFileError';
  }
}

/** The path of a hall the product ships (`HALLKIT_HALL=qingdao`). */
export function shippedHallFile(name: string): string {
  if (!(SHIPPED_HALLS as readonly string[]).includes(name))
    throw new Error(
      `no shipped hall "${name}" (known: ${SHIPPED_HALLS.join(', ')}); give your own with --hall-file`,
    );
  // The bundle (scripts/bundle-center.mjs) ships the halls beside it and says where.
  const dir = process.env.HALLKIT_HALLS_DIR;
  if (dir) return join(dir, `${name}.json`);
  return fileURLToPath(new URL(`../../../../../../halls/${name}.json`, import.meta.url));
}

/** Parse a definition from untrusted JSON: the definition, or every problem at its path. */
export function parseHallDefinition(
  json: unknown,
):
  | { ok: true; definition: HallDefinition; warnings: DefinitionProblem[] }
  | { ok: false; problems: DefinitionProblem[] } {
  const parsed = HallDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
        message: i.message,
        severity: 'error' as const,
      })),
    };
  }
  const problems = checkHallDefinition(parsed.data);
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  return { ok: true, definition: parsed.data, warnings: problems };
}

export function readHallFile(file: string): HallDefinition {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new HallFileError(file, [
      { path: [], message: `无法读取：${(e as Error).message}`, severity: 'error' },
    ]);
  }
  const r = parseHallDefinition(json);
  if (!r.ok) throw new HallFileError(file, r.problems);
  return r.definition;
}

/** The definition as a hall file writes it: times as "08:30", so hall IT can read and edit it. */
export function hallFileText(def: HallDefinition): string {
  const readable = {
    ...def,
    v: 2,
    catalog: {
      ...def.catalog,
      categories: def.catalog.categories.map((c) => ({
        ...c,
        openingHours: c.openingHours.map((r) => ({
          ...r,
          periods: r.periods.map((p) => ({ from: formatMinuteOfDay(p.from), to: formatMinuteOfDay(p.to) })),
        })),
      })),
    },
  };
  return `${JSON.stringify(readable, null, 1)}\n`;
}

export function writeHallFile(file: string, def: HallDefinition): void {
  writeFileSync(file, hallFileText(def));
}
