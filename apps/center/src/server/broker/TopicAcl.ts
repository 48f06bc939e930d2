// Which topics an MQTT identity may use: a device only its own d→c channels (publish) and its own
// c→d channels plus the hall-wide ones (subscribe); the center everything of its hall. The same
// rules as the Mosquitto ACL in docs/protocol.md, so both brokers confine a device alike.
import { PROTOCOL_ROOT } from '@hallkit/sync';

export type MqttIdentity = { kind: 'center' } | { kind: 'device'; deviceId: string };

const DEVICE_PUBLISHES = new Set(['outbox', 'telemetry', 'presence', 'heartbeat', 'cmd-result', 'req']);
const DEVICE_READS = new Set(['ack', 'cmd', 'res']);

/** Patterns a device may subscribe to; `+` in a pattern accepts any one segment, or a `+` filter there. */
function readPatterns(hallId: string, deviceId: string): string[][] {
  const dev = [...PROTOCOL_ROOT.split('/'), hallId, 'dev', deviceId];
  return [
    ...[...DEVICE_READS].map((c) => [...dev, c]),
    [...dev, 'config', '+'],
    [...PROTOCOL_ROOT.split('/'), hallId, 'config', '+'],
    [...PROTOCOL_ROOT.split('/'), hallId, 'hall', '+'],
  ];
}

function covered(filter: string[], pattern: string[]): boolean {
  if (filter.length !== pattern.length) return false;
  return filter.every((seg, i) => (pattern[i] === '+' ? seg !== '#' : seg === pattern[i]));
}

export function mayPublish(who: MqttIdentity, hallId: string, topic: string): boolean {
  const p = topic.split('/');
  const root = `${PROTOCOL_ROOT}/${hallId}/`;
  if (who.kind === 'center') return topic.startsWith(root);
  if (topic.includes('+') || topic.includes('#')) return false;
  return p.length === 6 && topic.startsWith(root) && p[3] === 'dev' && p[4] === who.deviceId && DEVICE_PUBLISHES.has(p[5] as string);
}

export function maySubscribe(who: MqttIdentity, hallId: string, filter: string): boolean {
  // A shared subscription `$share/<group>/<filter>` is judged by its filter.
  const plain = filter.startsWith('$share/') ? filter.split('/').slice(2).join('/') : filter;
  if (who.kind === 'center') return plain.startsWith(`${PROTOCOL_ROOT}/${hallId}/`);
  const f = plain.split('/');
  return readPatterns(hallId, who.deviceId).some((pat) => covered(f, pat));
}
