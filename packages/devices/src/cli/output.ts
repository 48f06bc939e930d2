/** One result per command: JSON for scripts (`--json`), short lines for a technician. */
export function report(json: boolean, data: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(data)}\n` : `${text}\n`);
}
