// Small values the pad remembers across restarts and shows while the center is unreachable:
// the last window message, the staff figures per staff member, the hall's evaluation policy.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';

export class PadMemory {
  constructor(private readonly db: Database) {}

  get<S extends z.ZodType>(key: string, schema: S): z.infer<S> | undefined {
    const r = this.db.prepare('SELECT value FROM pad_memory WHERE key = ?').get(key) as { value: string } | undefined;
    if (!r) return undefined;
    const parsed = schema.safeParse(JSON.parse(r.value));
    return parsed.success ? parsed.data : undefined;
  }

  put(key: string, value: unknown): void {
    this.db
      .prepare('INSERT INTO pad_memory (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
      .run(key, JSON.stringify(value), Date.now());
  }
}
