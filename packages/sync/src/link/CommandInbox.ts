// Commands the center sends one device (reprint, open setup, …): each runs at most once, even when
// the broker redelivers it or the center sends it again — the device's inbox table remembers what it
// ran and answers a repeat with the stored result, marked `duplicate`.
import type { z } from 'zod';
import type { DeviceStore } from '../store/DeviceStore.ts';
import { CommandSchema, type Command, type CommandResult } from '../protocol/messages.ts';
import { topics } from '../protocol/topics.ts';
import { decode, type Rejection } from '../protocol/decode.ts';
import type { Counters } from '../Logger.ts';

type CommandHandler = (body: unknown, ctx: { id: string }) => unknown;

export interface CommandInboxOptions {
  store: DeviceStore;
  hallId: string;
  deviceId: string;
  counters: Counters;
  /** A message that does not fit (counted and logged by the link). */
  reject: (reason: Rejection, detail: string) => void;
  /** Publishes on the link's current connection, if any (QoS 1). */
  publish: (topic: string, payload: string) => void;
}

export class CommandInbox {
  private readonly handlers = new Map<string, { schema: z.ZodType | undefined; fn: CommandHandler }>();

  constructor(private readonly o: CommandInboxOptions) {}

  handle<S extends z.ZodType>(name: string, schema: S | undefined, fn: (body: z.infer<S>, ctx: { id: string }) => unknown): void {
    this.handlers.set(name, { schema, fn: fn as CommandHandler });
  }

  async receive(payload: Buffer): Promise<void> {
    const d = decode(CommandSchema, payload);
    if (!d.ok) return this.o.reject(d.reason, d.detail);
    const cmd: Command = d.msg;
    if (cmd.hallId !== this.o.hallId || cmd.deviceId !== this.o.deviceId) return this.o.reject('foreign', 'ids differ from topic');
    const seen = this.o.store.inbox.lookup(cmd.id);
    if (seen) {
      this.o.reject('replay', `command ${cmd.id} (${cmd.name}) already ${seen.status}`);
      if (seen.status === 'done') this.sendResult(cmd, seen.ok, seen.result, seen.error, true);
      return;
    }
    this.o.store.inbox.claim(cmd.id, cmd.name);
    const h = this.handlers.get(cmd.name);
    let ok = false;
    let result: unknown;
    let error: string | undefined;
    if (!h) error = 'unknown-command';
    else {
      const parsed = h.schema ? h.schema.safeParse(cmd.body) : { success: true as const, data: cmd.body };
      if (!parsed.success) error = 'bad-request';
      else {
        try {
          result = await h.fn(parsed.data, { id: cmd.id });
          ok = true;
        } catch (e) {
          error = (e as Error).message.slice(0, 500);
        }
      }
    }
    this.o.store.inbox.finish(cmd.id, ok, result, error);
    this.o.counters.inc(ok ? 'commands.ok' : 'commands.failed');
    this.sendResult(cmd, ok, result, error, false);
  }

  private sendResult(cmd: Command, ok: boolean, body: unknown, error: string | undefined, duplicate: boolean): void {
    const r: CommandResult = {
      v: 1, hallId: this.o.hallId, deviceId: this.o.deviceId, id: cmd.id, ok,
      ...(body !== undefined ? { body } : {}), ...(error ? { error } : {}), ...(duplicate ? { duplicate } : {}),
    };
    this.o.publish(topics.device(this.o.hallId, this.o.deviceId, 'cmd-result'), JSON.stringify(r));
  }
}
