// The topic map of protocol v1. Every topic lives under `hallkit/v1/{hallId}`; a device's own topics
// sit under `.../dev/{deviceId}/` so that a broker ACL with `%u`/`%c` (username = client id = deviceId)
// can confine each device to them. See docs/protocol.md.

export const PROTOCOL_ROOT = 'hallkit/v1';

/** Ids that become topic segments: no `/`, `+`, `#`, `$`, spaces; short. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function assertTopicId(what: string, id: string): void {
  if (!ID_PATTERN.test(id)) throw new Error(`${what} "${id}" is not a valid topic segment (${ID_PATTERN})`);
}

/** Channels under `hallkit/v1/{hallId}/dev/{deviceId}/`. Direction: d→c device publishes, c→d center publishes. */
export type DeviceChannel =
  | 'outbox' // d→c business events, QoS 1
  | 'ack' // c→d cumulative ack, QoS 1
  | 'telemetry' // d→c coalescable telemetry, QoS 1, lossy by contract
  | 'presence' // d→c retained online / last-will offline, QoS 1
  | 'heartbeat' // d→c health, QoS 0
  | 'cmd' // c→d command, QoS 1
  | 'cmd-result' // d→c command result, QoS 1
  | 'req' // d→c request, QoS 1
  | 'res' // c→d response, QoS 1
  | 'config'; // c→d per-device retained config: `.../dev/{deviceId}/config/{kind}`

export const DEVICE_CHANNELS: readonly DeviceChannel[] = [
  'outbox', 'ack', 'telemetry', 'presence', 'heartbeat', 'cmd', 'cmd-result', 'req', 'res', 'config',
];

export const topics = {
  hallRoot: (hallId: string) => `${PROTOCOL_ROOT}/${hallId}`,
  device: (hallId: string, deviceId: string, channel: Exclude<DeviceChannel, 'config'>) =>
    `${PROTOCOL_ROOT}/${hallId}/dev/${deviceId}/${channel}`,
  /** Same channel for every device of the hall (center subscriptions). */
  anyDevice: (hallId: string, channel: Exclude<DeviceChannel, 'config'>) => `${PROTOCOL_ROOT}/${hallId}/dev/+/${channel}`,
  deviceConfig: (hallId: string, deviceId: string, kind: string) => `${PROTOCOL_ROOT}/${hallId}/dev/${deviceId}/config/${kind}`,
  deviceConfigAll: (hallId: string, deviceId: string) => `${PROTOCOL_ROOT}/${hallId}/dev/${deviceId}/config/+`,
  hallConfig: (hallId: string, kind: string) => `${PROTOCOL_ROOT}/${hallId}/config/${kind}`,
  hallConfigAll: (hallId: string) => `${PROTOCOL_ROOT}/${hallId}/config/+`,
  hall: (hallId: string, name: string) => `${PROTOCOL_ROOT}/${hallId}/hall/${name}`,
  /** MQTT 5 / 3.1.1-with-extension shared subscription for a center consumer group. */
  shared: (group: string, filter: string) => `$share/${group}/${filter}`,
};

export type ParsedTopic =
  | { scope: 'device'; hallId: string; deviceId: string; channel: DeviceChannel; kind?: string }
  | { scope: 'hall-config'; hallId: string; kind: string }
  | { scope: 'hall'; hallId: string; name: string };

/** Parse a concrete (non-wildcard) topic of protocol v1; undefined for anything foreign. */
export function parseTopic(topic: string): ParsedTopic | undefined {
  const p = topic.split('/');
  if (p.length < 4 || `${p[0]}/${p[1]}` !== PROTOCOL_ROOT) return undefined;
  const hallId = p[2] as string;
  if (!ID_PATTERN.test(hallId)) return undefined;
  if (p[3] === 'dev' && p.length >= 6) {
    const deviceId = p[4] as string;
    const channel = p[5] as DeviceChannel;
    if (!ID_PATTERN.test(deviceId) || !DEVICE_CHANNELS.includes(channel)) return undefined;
    if (channel === 'config') {
      if (p.length !== 7 || !ID_PATTERN.test(p[6] as string)) return undefined;
      return { scope: 'device', hallId, deviceId, channel, kind: p[6] as string };
    }
    return p.length === 6 ? { scope: 'device', hallId, deviceId, channel } : undefined;
  }
  if (p[3] === 'config' && p.length === 5 && ID_PATTERN.test(p[4] as string)) {
    return { scope: 'hall-config', hallId, kind: p[4] as string };
  }
  if (p[3] === 'hall' && p.length === 5 && ID_PATTERN.test(p[4] as string)) {
    return { scope: 'hall', hallId, name: p[4] as string };
  }
  return undefined;
}
