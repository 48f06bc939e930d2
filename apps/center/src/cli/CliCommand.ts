// What every `hallkit-center` subcommand gets: its own words, all arguments (for --flags) and output.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { centerSettings } from '../server/CenterSettings.ts';
import { openCenterDb } from '../server/store/CenterStore.ts';

export interface CliContext {
  args: string[];
  argv: string[];
  io: { out: (s: string) => void; err: (s: string) => void };
}
export type CliCommand = (c: CliContext) => Promise<number>;

export class UsageError extends Error {}

export function flag(argv: string[], name: string): boolean {
  return argv.includes(`--${name}`);
}

/** The center's database and where the center is reached, from the same settings the center uses. */
export function centerData(argv: string[]): { db: Database; dataDir: string; publicUrl: string } {
  const s = centerSettings(process.env, argv);
  const db = openCenterDb(join(s.dataDir, 'center.sqlite'));
  const publicUrl = s.publicUrl ?? `http://${s.httpHost ?? '127.0.0.1'}:${s.httpPort}`;
  return { db, dataDir: s.dataDir, publicUrl };
}
