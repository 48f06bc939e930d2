// The real center (apps/center demo: demo staff, admin and pre-provisioned pad-w5) as a child process
// on a test's own Mosquitto, HTTP port and data dir (testkit's DemoCenter), with read-only looks
// into its SQLite file.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DemoCenter } from '@hallkit/testkit/demoCenter';
import { waitForPort } from '@hallkit/testkit';

export interface LoggedEvent {
  type: string;
  source: string;
  body: Record<string, unknown>;
}

export class CenterProcess extends DemoCenter {
  static async start(mqttUrl: string): Promise<CenterProcess> {
    // The test's kiosk issues a ticket for every rating screen, faster than the 20 a minute a real
    // kiosk may (DEFAULT_REQUEST_LIMITS): on a quick machine the limit refused it. The hall's own
    // setting for faster kiosks lifts it here.
    const c = new CenterProcess({ mqttUrl, env: { HALLKIT_DEVICE_REQUEST_LIMITS: JSON.stringify({ 'ticket-issue': { burst: 500, perMinute: 500 } }) } });
    await c.start();
    await waitForPort(Number(new URL(c.httpUrl).port));
    return c;
  }

  /** Everything the center printed. */
  get log(): string {
    return this.output;
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
}
