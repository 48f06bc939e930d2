import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const FILE = new URL('../docs/performance.md', import.meta.url);
const HEADER = `# Performance

Every figure here is written by \`npm run bench\` (one section per benchmark in \`bench/\`); do not edit
by hand. Timings on this class of machine are noisy, so each benchmark also measures a baseline in
the same run and reports the ratio; the ratios are what tests and reviews should compare.
`;

/** Replace (or append) this benchmark's section in docs/performance.md, leaving the others alone. */
export function writeSection(id: string, title: string, body: string): void {
  const doc = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  const begin = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const section = `${begin}\n## ${title}\n\n_Measured ${new Date().toISOString().slice(0, 16)}Z on ${machine}; command: \`npm run bench -- ${id}\`._\n\n${body.trim()}\n${end}`;
  const start = doc.indexOf(begin);
  const stop = doc.indexOf(end);
  const next =
    start >= 0 && stop > start
      ? doc.slice(0, start) + section + doc.slice(stop + end.length)
      : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(FILE, next);
}

/** Markdown table from rows of cells. */
export function table(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}
