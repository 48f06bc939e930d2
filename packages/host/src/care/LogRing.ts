// The device's recent log lines for a technician or the collect-logs command: a bounded ring in
// memory plus a size-capped file pair (`host.log`, `host.log.1`) so the lines survive a restart.
// ID numbers are masked before a line is kept anywhere (PIPL).
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { maskIdNumber } from '@hallkit/core';

export interface LogSink {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

// 18-character resident ID (17 digits + digit/X) and the old 15-digit form, not inside longer digit runs.
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15}|[A-Z]{3}\d{12})(?![0-9A-Za-z])/g;

/** Masks every ID number in a line (`3706**********1234`). */
export function maskIdNumbersIn(line: string): string {
  return line.replace(ID_NUMBER, (m) => maskIdNumber(m));
}

export interface LogRingOptions {
  /** `<dataDir>/logs/host.log`; omit for memory only. */
  file?: string;
  /** Lines kept in memory (default 2000). */
  maxLines?: number;
  /** The file rotates to `.1` past this size (default 1 MiB); at most twice this on disk. */
  maxFileBytes?: number;
  now?: () => number;
}

export class LogRing {
  private readonly lines: string[] = [];
  private readonly maxLines: number;
  private readonly maxFileBytes: number;
  private fileBytes = 0;

  constructor(private readonly o: LogRingOptions = {}) {
    this.maxLines = o.maxLines ?? 2000;
    this.maxFileBytes = o.maxFileBytes ?? 1024 * 1024;
    if (o.file) {
      mkdirSync(dirname(o.file), { recursive: true });
      // Lines from the previous run first, so "collect logs" after a crash shows what led to it.
      for (const f of [`${o.file}.1`, o.file]) {
        if (existsSync(f)) this.keep(readFileSync(f, 'utf8').split('\n').filter(Boolean));
      }
      this.fileBytes = existsSync(o.file) ? statSync(o.file).size : 0;
    }
  }

  private keep(lines: string[]): void {
    this.lines.push(...lines);
    if (this.lines.length > this.maxLines) this.lines.splice(0, this.lines.length - this.maxLines);
  }

  /** Adds one line (masked, timestamped). Never throws: a full disk must not take the app down. */
  add(level: string, msg: string, fields?: Record<string, unknown>): void {
    const text = maskIdNumbersIn(`${new Date((this.o.now ?? Date.now)()).toISOString()} ${level.toUpperCase()} ${msg}${fields ? ` ${safeJson(fields)}` : ''}`).replace(/\n/g, ' ');
    this.keep([text]);
    if (!this.o.file) return;
    try {
      if (this.fileBytes + text.length + 1 > this.maxFileBytes) {
        renameSync(this.o.file, `${this.o.file}.1`);
        this.fileBytes = 0;
      }
      appendFileSync(this.o.file, `${text}\n`);
      this.fileBytes += Buffer.byteLength(text) + 1;
    } catch {
      // Memory ring still has it; journald has it through the inner logger.
    }
  }

  /** The last `n` lines, newest last, cut from the oldest side to fit `maxBytes`. */
  tail(n: number, maxBytes = Infinity): { lines: string[]; truncated: boolean; bytes: number } {
    const picked = this.lines.slice(-n);
    let bytes = 0;
    let from = picked.length;
    while (from > 0) {
      const b = Buffer.byteLength(picked[from - 1] as string) + 1;
      if (bytes + b > maxBytes) break;
      bytes += b;
      from--;
    }
    return { lines: picked.slice(from), truncated: from > 0 || this.lines.length > picked.length, bytes };
  }

  /** A logger that writes here and to `inner` (journald / console). */
  logger(inner?: LogSink): LogSink {
    const at = (level: keyof LogSink) => (msg: string, fields?: Record<string, unknown>) => {
      if (level !== 'debug') this.add(level, msg, fields);
      inner?.[level](maskIdNumbersIn(msg), fields ? (JSON.parse(maskIdNumbersIn(safeJson(fields))) as Record<string, unknown>) : undefined);
    };
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  }
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '"[unserialisable]"';
  }
}
