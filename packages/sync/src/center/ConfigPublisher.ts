// Versioned retained config, hall-wide or per device. The center owns the version numbers: they must
// grow per (scope, kind); a device ignores anything not newer than what it runs.
import type { MqttClient } from 'mqtt';
import type { ConfigMessage } from '../protocol/messages.ts';
import { assertTopicId, topics } from '../protocol/topics.ts';

export class ConfigPublisher {
  constructor(
    private readonly client: MqttClient,
    private readonly hallId: string,
  ) {
    assertTopicId('hallId', hallId);
  }

  /** Hall-wide config (`hall:<kind>` on devices), e.g. the service catalog or notices. */
  async publishHall(kind: string, version: number, body: unknown): Promise<void> {
    assertTopicId('config kind', kind);
    const msg: ConfigMessage = { v: 1, hallId: this.hallId, kind, version, at: Date.now(), body };
    await this.client.publishAsync(topics.hallConfig(this.hallId, kind), JSON.stringify(msg), { qos: 1, retain: true });
  }

  /** Per-device config (`device:<kind>`), e.g. the window a pad or window strip is assigned to. */
  async publishDevice(deviceId: string, kind: string, version: number, body: unknown): Promise<void> {
    assertTopicId('deviceId', deviceId);
    assertTopicId('config kind', kind);
    const msg: ConfigMessage = { v: 1, hallId: this.hallId, deviceId, kind, version, at: Date.now(), body };
    await this.client.publishAsync(topics.deviceConfig(this.hallId, deviceId, kind), JSON.stringify(msg), { qos: 1, retain: true });
  }
}
