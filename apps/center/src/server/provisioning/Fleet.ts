// The device fleet as the admin sees it: every provisioned device with its presence and last
// heartbeat (config versions, printer paper, errors, oldest unsynced event). Presence is kept in
// SQLite too, so the fleet view is not blank after a center restart.
import { EventEmitter } from 'node:events';
import type { Database } from 'better-sqlite3';
import type { DevicePresence, PresenceTracker } from '@hallkit/sync';
import type { DeviceRecord, DeviceRegistry } from './DeviceRegistry.ts';

export interface FleetRow extends DeviceRecord {
  online: boolean;
  stale: boolean;
  lastHeartbeatAt: number | null;
  since: number | null;
  config: Record<string, number>;
  backlogEvents: number | null;
  oldestUnsyncedS: number | null;
  /** From the heartbeat's app health: `printer.paper` ('ok' | 'near-end' | 'empty' | …). */
  paper: string | null;
  errors: string[];
}

interface StoredStatus {
  status: 'online' | 'offline';
  since: number | null;
  config: Record<string, number>;
  backlogEvents: number | null;
  oldestUnsyncedS: number | null;
  paper: string | null;
  errors: string[];
}

export class Fleet extends EventEmitter<{ change: [deviceId: string] }> {
  constructor(
    private readonly db: Database,
    private readonly registry: DeviceRegistry,
    presence: PresenceTracker,
    private readonly heartbeatMs = 30_000,
  ) {
    super();
    presence.on('change', (p) => this.onPresence(p));
  }

  private onPresence(p: DevicePresence): void {
    const hb = p.lastHeartbeat;
    const app = (hb?.app ?? {}) as { printer?: { paper?: unknown }; errors?: unknown };
    const prev = this.stored(p.deviceId);
    const status: StoredStatus = {
      status: p.status,
      since: p.since,
      config: p.config,
      backlogEvents: hb ? hb.backlog.events : (prev?.backlogEvents ?? null),
      oldestUnsyncedS: hb ? hb.backlog.oldestAgeS : (prev?.oldestUnsyncedS ?? null),
      paper: typeof app.printer?.paper === 'string' ? app.printer.paper : hb ? null : (prev?.paper ?? null),
      errors: Array.isArray(app.errors) ? app.errors.filter((e): e is string => typeof e === 'string').slice(0, 20) : hb ? [] : (prev?.errors ?? []),
    };
    this.db
      .prepare('INSERT INTO device_status (device_id, status, last_heartbeat_at, body) VALUES (?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET status = excluded.status, last_heartbeat_at = coalesce(excluded.last_heartbeat_at, device_status.last_heartbeat_at), body = excluded.body')
      .run(p.deviceId, p.status, p.lastHeartbeatAt ?? null, JSON.stringify(status));
    this.emit('change', p.deviceId);
  }

  private stored(deviceId: string): (StoredStatus & { lastHeartbeatAt: number | null }) | undefined {
    const r = this.db.prepare('SELECT last_heartbeat_at, body FROM device_status WHERE device_id = ?').get(deviceId) as { last_heartbeat_at: number | null; body: string } | undefined;
    return r ? { ...(JSON.parse(r.body) as StoredStatus), lastHeartbeatAt: r.last_heartbeat_at } : undefined;
  }

  rows(now = Date.now()): FleetRow[] {
    return this.registry.all().map((d) => {
      const s = this.stored(d.deviceId);
      const online = d.state === 'enrolled' && s?.status === 'online';
      return {
        ...d,
        online,
        stale: online && now - (s?.lastHeartbeatAt ?? s?.since ?? now) > 3 * this.heartbeatMs,
        lastHeartbeatAt: s?.lastHeartbeatAt ?? null,
        since: s?.since ?? null,
        config: s?.config ?? {},
        backlogEvents: s?.backlogEvents ?? null,
        oldestUnsyncedS: s?.oldestUnsyncedS ?? null,
        paper: s?.paper ?? null,
        errors: s?.errors ?? [],
      };
    });
  }
}
