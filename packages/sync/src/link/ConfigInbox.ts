// Versioned config from the center (retained, so it arrives again on every connect): a version is
// applied once, never older than the one running, and only whole — its handler runs in the same
// SQLite transaction that records the version, so a failure leaves the last good config in force.
import type { z } from 'zod';
import type { DeviceStore, StoreTx } from '../store/DeviceStore.ts';
import type { ConfigScope } from '../config/ConfigStore.ts';
import { ConfigMessageSchema, type ConfigMessage } from '../protocol/messages.ts';
import { decode, type Rejection } from '../protocol/decode.ts';
import type { Logger } from '../Logger.ts';
import type { ConfigApplied } from './LinkStatus.ts';

interface ConfigHandler {
  schema: z.ZodType | undefined;
  apply: ((tx: StoreTx, body: unknown) => void) | undefined;
}

export interface ConfigInboxOptions {
  store: DeviceStore;
  hallId: string;
  deviceId: string;
  logger: Logger;
  /** A message that does not fit or could not be applied (counted and logged by the link). */
  reject: (reason: Rejection, detail: string) => void;
  applied: (c: ConfigApplied) => void;
}

export class ConfigInbox {
  private readonly handlers = new Map<string, ConfigHandler>();

  constructor(private readonly o: ConfigInboxOptions) {}

  handle<S extends z.ZodType>(scope: ConfigScope, kind: string, opts: { schema?: S; apply?: (tx: StoreTx, body: z.infer<S>) => void }): void {
    this.handlers.set(`${scope}:${kind}`, { schema: opts.schema, apply: opts.apply as ConfigHandler['apply'] });
  }

  receive(scope: ConfigScope, kind: string, payload: Buffer): void {
    if (payload.length === 0) return; // a cleared retained message
    const d = decode(ConfigMessageSchema, payload);
    if (!d.ok) return this.o.reject(d.reason, d.detail);
    const m: ConfigMessage = d.msg;
    if (m.hallId !== this.o.hallId || m.kind !== kind || (scope === 'device' ? m.deviceId !== this.o.deviceId : m.deviceId !== undefined)) {
      return this.o.reject('foreign', `config ${scope}:${kind} ids differ from topic`);
    }
    const store = this.o.store;
    const running = store.config.version(scope, kind);
    if (m.version === running) return; // the retained copy we already run, on every reconnect
    if (m.version < running) return this.o.reject('stale', `${scope}:${kind} v${m.version} < running v${running}`);
    const h = this.handlers.get(`${scope}:${kind}`);
    let body = m.body;
    if (h?.schema) {
      const r = h.schema.safeParse(m.body);
      if (!r.success) return this.o.reject('apply-failed', `${scope}:${kind} v${m.version} does not match its schema`);
      body = r.data;
    }
    try {
      store.transaction((tx) => {
        h?.apply?.(tx, body);
        store.config.put(scope, kind, m.version, body);
      });
    } catch (e) {
      return this.o.reject('apply-failed', `${scope}:${kind} v${m.version}: ${(e as Error).message}`);
    }
    this.o.logger.info('config applied', { scope, kind, version: m.version, previous: running });
    this.o.applied({ scope, kind, version: m.version, body });
  }
}
