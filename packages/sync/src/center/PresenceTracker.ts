// Online / offline / last heartbeat of every device in the hall, from retained presence and heartbeats.
import { EventEmitter } from 'node:events';
import type { MqttClient } from 'mqtt';
import { HeartbeatSchema, PresenceSchema, type Heartbeat, type Presence } from '../protocol/messages.ts';
import { CenterChannel } from './CenterChannel.ts';
import { consoleLogger, Counters, type Logger } from '../Logger.ts';

export interface DevicePresence {
  deviceId: string;
  status: 'online' | 'offline';
  session: string;
  /** When the device says this session started (device clock). */
  since: number;
  config: Record<string, number>;
  lastHeartbeat?: Heartbeat;
  /** When the center received the last heartbeat (center clock). */
  lastHeartbeatAt?: number;
}

export class PresenceTracker extends EventEmitter<{ change: [DevicePresence] }> {
  readonly counters = new Counters();
  private readonly devices = new Map<string, DevicePresence>();
  private readonly channels: [CenterChannel<typeof PresenceSchema>, CenterChannel<typeof HeartbeatSchema>];

  constructor(client: MqttClient, hallId: string, logger: Logger = consoleLogger('[sync:presence]')) {
    super();
    const common = { client, hallId, logger, counters: this.counters };
    this.channels = [
      new CenterChannel({ ...common, channel: 'presence', schema: PresenceSchema, onMessage: (_d, p) => this.onPresence(p) }),
      new CenterChannel({ ...common, channel: 'heartbeat', schema: HeartbeatSchema, onMessage: (_d, h) => this.onHeartbeat(h) }),
    ];
  }

  async start(): Promise<void> {
    await Promise.all(this.channels.map((c) => c.start()));
  }

  async stop(): Promise<void> {
    await Promise.all(this.channels.map((c) => c.stop()));
  }

  get(deviceId: string): DevicePresence | undefined {
    return this.devices.get(deviceId);
  }

  all(): DevicePresence[] {
    return [...this.devices.values()];
  }

  /** Online but silent for `missed` heartbeat intervals. */
  isStale(deviceId: string, heartbeatMs: number, now = Date.now(), missed = 3): boolean {
    const d = this.devices.get(deviceId);
    if (!d || d.status !== 'online') return false;
    return now - (d.lastHeartbeatAt ?? 0) > missed * heartbeatMs;
  }

  private onPresence(p: Presence): void {
    const cur = this.devices.get(p.deviceId);
    // A last will from an older session (delivered after a fast reconnect) must not win.
    if (cur && p.status === 'offline' && cur.status === 'online' && cur.session !== p.session && cur.since >= p.at) {
      this.counters.inc('stale-will');
      return;
    }
    const next: DevicePresence = { ...cur, deviceId: p.deviceId, status: p.status, session: p.session, since: p.at, config: p.config ?? cur?.config ?? {} };
    this.devices.set(p.deviceId, next);
    this.emit('change', next);
  }

  private onHeartbeat(h: Heartbeat): void {
    const cur = this.devices.get(h.deviceId);
    const next: DevicePresence = {
      deviceId: h.deviceId,
      status: 'online',
      session: h.session,
      since: cur?.session === h.session ? cur.since : h.at,
      config: h.config,
      lastHeartbeat: h,
      lastHeartbeatAt: Date.now(),
    };
    this.devices.set(h.deviceId, next);
    this.emit('change', next);
  }
}
