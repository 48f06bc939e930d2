// The real center (apps/center demo: demo staff, admin and pre-provisioned pad-w5) as a child process
// on a test's own Mosquitto, HTTP port and data dir. Never imported: spawned, like in a hall.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { freePort, waitForPort } from '@hallkit/testkit';

const ROOT = new URL('../../../../', import.meta.url).pathname;

export interface LoggedEvent {
  type: string;
  source: string;
  body: Record<string, unknown>;
}

export class CenterProcess {
  log = '';
  private constructor(
    private readonly proc: ChildProcess,
    readonly httpUrl: string,
    readonly dataDir: string,
  ) {}

  static async start(mqttUrl: string): Promise<CenterProcess> {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'hallkit-ev-center-'));
    const proc = spawn(process.execPath, ['--import', 'tsx', 'apps/center/src/server/demo.ts'], {
      cwd: ROOT,
      env: { ...process.env, HALLKIT_DATA_DIR: dataDir, HALLKIT_CENTER_HTTP: `http://127.0.0.1:${port}`, HALLKIT_MQTT_URL: mqttUrl, HALLKIT_EMBEDDED_BROKER: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const c = new CenterProcess(proc, `http://127.0.0.1:${port}`, dataDir);
    proc.stdout?.on('data', (d: Buffer) => (c.log += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (c.log += d.toString()));
    const deadline = Date.now() + 90_000; // the demo center archives 14 past days first: slow on a busy machine
    while (!c.log.includes('READY-DONE')) {
      if (proc.exitCode !== null) throw new Error(`center exited: ${c.log}`);
      if (Date.now() > deadline) throw new Error(`center not ready: ${c.log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await waitForPort(port);
    return c;
  }

  /** Hall events as the center recorded them (read-only look into its SQLite file). */
  events(types: string[]): LoggedEvent[] {
    const db = new Database(join(this.dataDir, 'center.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare(`SELECT type, source, body FROM hall_events WHERE type IN (${types.map(() => '?').join(',')}) ORDER BY n`).all(...types) as { type: string; source: string; body: string }[];
      return rows.map((r) => ({ type: r.type, source: r.source, body: JSON.parse(r.body) as Record<string, unknown> }));
    } finally {
      db.close();
    }
  }

  rejectedEvents(): unknown[] {
    const db = new Database(join(this.dataDir, 'center.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT device_id, seq, event_type, code FROM rejected_events').all();
    } finally {
      db.close();
    }
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      this.proc.once('exit', () => resolve());
      this.proc.kill('SIGTERM');
      setTimeout(() => this.proc.kill('SIGKILL'), 5000).unref();
    });
  }
}
