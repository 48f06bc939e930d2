import type { Logger } from '../../src/index.ts';

/** Collects log lines instead of printing them; tests assert on them (rejections must be logged). */
export function quietLogger(lines: string[] = []): Logger & { lines: string[] } {
  const push = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${msg}${fields ? ' ' + JSON.stringify(fields) : ''}`);
  };
  return { lines, debug: () => undefined, info: push('info'), warn: push('warn'), error: push('error') };
}
