// Remote care from the center (issue 9): an admin sends a device test-print, reload-config,
// restart-app, collect-logs, lock or unlock; the command goes out through CommandSender (re-sent
// until answered or timed out; the device runs an id once) and the outcome is kept per device.
import type { Database } from 'better-sqlite3';
import type { CommandSender, CommandOutcome } from '@hallkit/sync';
import { careCommandBody, type CareRequest } from '@hallkit/core/wire/careCommands';

export interface CareCommandRow {
  id: string;
  deviceId: string;
  name: string;
  body: unknown;
  requestedBy: string;
  sentAt: number;
  status: 'sent' | 'done' | 'failed' | 'timeout';
  result: unknown;
  finishedAt: number | null;
}

export class CareCommands {
  constructor(
    private readonly db: Database,
    private readonly sender: CommandSender,
    private readonly onFinished: (row: CareCommandRow) => void,
    private readonly timeoutMs = 60_000,
  ) {}

  /** Records and sends; resolves at once with the row (status `sent`). The outcome arrives later. */
  send(deviceId: string, req: CareRequest, by: string, now = Date.now()): { row: CareCommandRow; done: Promise<CareCommandRow> } {
    const { name, body } = careCommandBody(req);
    const id = crypto.randomUUID();
    this.db.prepare("INSERT INTO care_commands (id, device_id, name, body, requested_by, sent_at, status) VALUES (?, ?, ?, ?, ?, ?, 'sent')").run(id, deviceId, name, JSON.stringify(body), by, now);
    const done = this.sender
      .send(deviceId, name, body, { id, timeoutMs: this.timeoutMs, retryMs: 5000 })
      .then((o) => this.finish(id, o))
      .catch((e: unknown) => this.finish(id, { status: 'timeout', id }, (e as Error).message));
    return { row: this.get(id) as CareCommandRow, done };
  }

  private finish(id: string, o: CommandOutcome, error?: string): CareCommandRow {
    const [status, result] =
      o.status === 'timeout' ? (['timeout', { error: error ?? 'no answer from the device' }] as const)
      : o.result.ok ? (['done', o.result.body ?? null] as const)
      : (['failed', { error: o.result.error ?? 'failed' }] as const);
    this.db.prepare('UPDATE care_commands SET status = ?, result = ?, finished_at = ? WHERE id = ?').run(status, JSON.stringify(result), Date.now(), id);
    const row = this.get(id) as CareCommandRow;
    this.onFinished(row);
    return row;
  }

  get(id: string): CareCommandRow | undefined {
    const r = this.db.prepare('SELECT * FROM care_commands WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return r ? toRow(r) : undefined;
  }

  /** Newest first; for one device or all. */
  recent(deviceId?: string, limit = 100): CareCommandRow[] {
    const rows = deviceId
      ? this.db.prepare('SELECT * FROM care_commands WHERE device_id = ? ORDER BY sent_at DESC, rowid DESC LIMIT ?').all(deviceId, limit)
      : this.db.prepare('SELECT * FROM care_commands ORDER BY sent_at DESC, rowid DESC LIMIT ?').all(limit);
    return (rows as Record<string, unknown>[]).map(toRow);
  }

  /** Commands still waiting when the center stopped cannot be answered to this process: mark them. */
  expireUnfinished(): void {
    this.db.prepare("UPDATE care_commands SET status = 'timeout', result = '{\"error\":\"center restarted\"}', finished_at = ? WHERE status = 'sent'").run(Date.now());
  }
}

function toRow(r: Record<string, unknown>): CareCommandRow {
  return {
    id: r.id as string,
    deviceId: r.device_id as string,
    name: r.name as string,
    body: JSON.parse(r.body as string) as unknown,
    requestedBy: r.requested_by as string,
    sentAt: r.sent_at as number,
    status: r.status as CareCommandRow['status'],
    result: r.result === null ? null : (JSON.parse(r.result as string) as unknown),
    finishedAt: (r.finished_at as number | null) ?? null,
  };
}
