// The small logger sync writes to. Never pass event, command or request bodies to it: they may hold
// personal data (ID numbers, names); log ids, seqs, counts and reasons only.

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function consoleLogger(prefix = '[sync]'): Logger {
  const line = (msg: string, fields?: Record<string, unknown>) => (fields ? `${prefix} ${msg} ${JSON.stringify(fields)}` : `${prefix} ${msg}`);
  return {
    debug: () => undefined,
    info: (m, f) => console.info(line(m, f)),
    warn: (m, f) => console.warn(line(m, f)),
    error: (m, f) => console.error(line(m, f)),
  };
}

/** Counters keyed by a short name, e.g. `rejected.bad-json.cmd`; exposed in status and heartbeats. */
export class Counters {
  private readonly values = new Map<string, number>();
  inc(name: string, by = 1): void {
    this.values.set(name, (this.values.get(name) ?? 0) + by);
  }
  get(name: string): number {
    return this.values.get(name) ?? 0;
  }
  toJSON(): Record<string, number> {
    return Object.fromEntries(this.values);
  }
}
