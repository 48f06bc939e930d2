// Public hall data the center sends to every device (calls, the retained hall snapshot, notices).
import type { MqttClient } from 'mqtt';
import type { HallMessage } from '../protocol/messages.ts';
import { assertTopicId, topics } from '../protocol/topics.ts';

export async function publishHall(
  client: MqttClient,
  hallId: string,
  name: string,
  body: unknown,
  opts: { retain?: boolean; qos?: 0 | 1 } = {},
): Promise<void> {
  assertTopicId('hall message name', name);
  const msg: HallMessage = { v: 1, hallId, name, at: Date.now(), body };
  await client.publishAsync(topics.hall(hallId, name), JSON.stringify(msg), { qos: opts.qos ?? 1, retain: opts.retain ?? false });
}
