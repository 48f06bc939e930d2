// The real center as a child process with its embedded broker on a free port (testkit's DemoCenter),
// a data dir that outlives it, and extra settings in its environment — so a test can kill -9 it and
// start it again on the same files, as a power cut would.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DemoCenter } from '@hallkit/testkit/demoCenter';

export class CenterProcess extends DemoCenter {
  constructor(dataDir: string, env: Record<string, string> = {}) {
    super({ dataDir, env });
  }

  /** A read-only look into the center's SQLite file (it may be running). */
  query<T>(sql: string, ...params: unknown[]): T[] {
    const db = new Database(join(this.dataDir, 'center.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
}
