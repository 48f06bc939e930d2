// Payload schemas of protocol v1 (JSON, UTF-8). Every message carries `v: 1`, the hall id and, for
// device channels, the device id; receivers check them against the topic. Bodies supplied by the app
// (events, config, commands, requests) are opaque JSON here: the app passes its own zod schemas.
import { z } from 'zod';
import { ID_PATTERN } from './topics.ts';

export const PROTOCOL_VERSION = 1 as const;

const Id = z.string().regex(ID_PATTERN);
/** Message ids (event ids, command ids, request ids): UUIDs or any short printable token. */
const MsgId = z.string().min(1).max(64);
const Millis = z.number().int().nonnegative();
/** What every message on a device's own channels carries, checked against its topic. */
const onDeviceChannel = { v: z.literal(1), hallId: Id, deviceId: Id };

export const OutboxEventSchema = z.object({
  /** Per-device sequence number: starts at 1, strictly increasing, never reused. */
  seq: z.number().int().positive(),
  /** Unique event id (UUID v4). */
  id: MsgId,
  /** Commit time on the device, ms since epoch. */
  t: Millis,
  /** The app's event, e.g. a domain event `{ type, v, at, ... }`. */
  body: z.unknown(),
});
export type OutboxEvent = z.infer<typeof OutboxEventSchema>;

/** A store incarnation: random per device database file, renewed when its history forks (docs/protocol.md). */
const StoreId = z.string().regex(ID_PATTERN);

export const OutboxBatchSchema = z.object({
  ...onDeviceChannel,
  /**
   * The incarnation of the device's store. Seqs count within it: a replaced or restored file is a new
   * incarnation, and the center keeps a high-water mark per (device, store). Absent: a device from
   * before store incarnations (one history per device).
   */
  store: StoreId.optional(),
  /** The seq before this incarnation's first event (0 for a new file; >0 after a fork). */
  base: z.number().int().nonnegative().optional(),
  /** Consecutive seqs, ascending. */
  events: z.array(OutboxEventSchema).min(1).max(5000),
});
export type OutboxBatch = z.infer<typeof OutboxBatchSchema>;

export const AckSchema = z.object({
  ...onDeviceChannel,
  /** Cumulative: every seq ≤ upTo is committed at the center. 0 = nothing yet. */
  upTo: z.number().int().nonnegative(),
  /** The center saw a batch that did not continue its high-water mark: resend from upTo + 1. */
  gap: z.boolean().optional(),
  /** The store incarnation this ack is for; a device ignores acks for another one. */
  store: StoreId.optional(),
  /**
   * The event at seq upTo + 1 is not the one the center committed under that seq for this store: the
   * file was restored from a backup and wrote a different history. Keep everything after upTo and go
   * on as a new store incarnation with base = upTo.
   */
  diverged: z.boolean().optional(),
});
export type Ack = z.infer<typeof AckSchema>;

export const TelemetrySchema = z.object({
  ...onDeviceChannel,
  items: z.array(z.object({ key: z.string().max(128).nullable(), t: Millis, body: z.unknown() })).min(1).max(1000),
  /** Telemetry items dropped on the device (oldest first) since its store was created. */
  dropped: z.number().int().nonnegative(),
});
export type Telemetry = z.infer<typeof TelemetrySchema>;

export const PresenceSchema = z.object({
  ...onDeviceChannel,
  status: z.enum(['online', 'offline']),
  /** Random per connection: an old session's last will must not mark a newer session offline. */
  session: MsgId,
  /** When this connection was opened, ms since epoch (device clock). */
  at: Millis,
  /** Config versions running, `{ "hall:catalog": 3, "device:window": 7 }`. */
  config: z.record(z.string(), z.number().int()).optional(),
});
export type Presence = z.infer<typeof PresenceSchema>;

export const HeartbeatSchema = z.object({
  ...onDeviceChannel,
  session: MsgId,
  at: Millis,
  uptimeS: z.number().nonnegative(),
  backlog: z.object({
    events: z.number().int().nonnegative(),
    oldestAgeS: z.number().nonnegative().nullable(),
    bytes: z.number().int().nonnegative(),
    telemetry: z.number().int().nonnegative(),
    telemetryDropped: z.number().int().nonnegative(),
  }),
  config: z.record(z.string(), z.number().int()),
  counters: z.record(z.string(), z.number()),
  /** Whatever the app's health function returned (printer paper, reader state, …). */
  app: z.unknown(),
});
export type Heartbeat = z.infer<typeof HeartbeatSchema>;

export const ConfigMessageSchema = z.object({
  v: z.literal(1),
  hallId: Id,
  /** Present on per-device config; absent on hall-wide config. */
  deviceId: Id.optional(),
  kind: Id,
  /** Monotonic per (scope, kind); a device ignores anything not newer than what it runs. */
  version: z.number().int().nonnegative(),
  at: Millis,
  body: z.unknown(),
});
export type ConfigMessage = z.infer<typeof ConfigMessageSchema>;

export const CommandSchema = z.object({
  ...onDeviceChannel,
  id: MsgId,
  name: Id,
  at: Millis,
  body: z.unknown(),
});
export type Command = z.infer<typeof CommandSchema>;

export const CommandResultSchema = z.object({
  ...onDeviceChannel,
  id: MsgId,
  ok: z.boolean(),
  body: z.unknown().optional(),
  error: z.string().max(500).optional(),
  /** This is the stored result of an earlier delivery of the same command id. */
  duplicate: z.boolean().optional(),
});
export type CommandResult = z.infer<typeof CommandResultSchema>;

export const RequestSchema = z.object({
  ...onDeviceChannel,
  id: MsgId,
  name: Id,
  at: Millis,
  /** How long the device waits; the center may skip answering requests already given up on. */
  timeoutMs: z.number().int().positive(),
  body: z.unknown(),
});
export type Request = z.infer<typeof RequestSchema>;

export const ResponseSchema = z.object({
  ...onDeviceChannel,
  id: MsgId,
  ok: z.boolean(),
  body: z.unknown().optional(),
  error: z.string().max(500).optional(),
});
export type Response = z.infer<typeof ResponseSchema>;

export const HallMessageSchema = z.object({
  v: z.literal(1),
  hallId: Id,
  name: Id,
  at: Millis,
  body: z.unknown(),
});
export type HallMessage = z.infer<typeof HallMessageSchema>;
