// Sends buffered telemetry while connected, one message in flight, deleting rows on PUBACK
// (telemetry is lossy by contract; business events go through OutboxSender instead).
import type { MqttClient } from 'mqtt';
import type { DeviceStore } from '../store/DeviceStore.ts';
import type { Telemetry } from '../protocol/messages.ts';
import type { Logger } from '../Logger.ts';

export class TelemetrySender {
  private client: MqttClient | undefined;
  private busy = false;

  constructor(
    private readonly store: DeviceStore,
    private readonly topic: string,
    private readonly hallId: string,
    private readonly deviceId: string,
    private readonly logger: Logger,
  ) {}

  attach(client: MqttClient): void {
    this.client = client;
    this.busy = false;
  }

  detach(): void {
    this.client = undefined;
  }

  pump(): void {
    const c = this.client;
    if (!c?.connected || this.busy || !this.store.db.open) return;
    const rows = this.store.telemetry.read(200);
    if (rows.length === 0) return;
    const msg: Telemetry = {
      v: 1, hallId: this.hallId, deviceId: this.deviceId, dropped: this.store.telemetry.dropped(),
      items: rows.map((r) => ({ key: r.key, t: r.t, body: JSON.parse(r.json) as unknown })),
    };
    this.busy = true;
    c.publish(this.topic, JSON.stringify(msg), { qos: 1 }, (err) => {
      if (this.client !== c) return;
      this.busy = false;
      if (err) return this.logger.debug('telemetry not sent', { error: err.message });
      this.store.telemetry.remove(rows.map((r) => r.rowid));
      this.pump();
    });
  }
}
