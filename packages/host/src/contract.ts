import { z } from 'zod';

/**
 * A device app's bridge between its renderer (React, sandboxed) and its host (Node: devices,
 * storage, MQTT). The contract is the single description of that API — named methods with zod
 * schemas for input and output, plus named events — and both transports (Electron IPC through a
 * preload, or a loopback WebSocket for a plain Chromium) are generated from it.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export interface BridgeContract {
  name: string;
  version: number;
  methods: Record<string, MethodSpec>;
  events: Record<string, z.ZodType>;
}

export function defineContract<const C extends BridgeContract>(c: C): C {
  return c;
}

export type MethodInput<C extends BridgeContract, K extends keyof C['methods']> = z.input<
  C['methods'][K]['input']
>;
export type MethodOutput<C extends BridgeContract, K extends keyof C['methods']> = z.output<
  C['methods'][K]['output']
>;
export type EventPayload<C extends BridgeContract, K extends keyof C['events']> = z.output<C['events'][K]>;

/** What the renderer sees: one async function per method, and `on` for events. */
export type BridgeApi<C extends BridgeContract> = {
  [K in keyof C['methods']]: (input: MethodInput<C, K>) => Promise<MethodOutput<C, K>>;
} & BridgeEvents<C>;

export interface BridgeEvents<C extends BridgeContract> {
  on<K extends keyof C['events'] & string>(
    event: K,
    listener: (payload: EventPayload<C, K>) => void,
  ): () => void;
  /** Connection to the host: a browser renderer shows a "not connected" state while false. */
  onConnection(listener: (connected: boolean) => void): () => void;
}

/** What the host implements: one function per method, given already-validated input. */
export type BridgeHandlers<C extends BridgeContract> = {
  [K in keyof C['methods']]: (
    input: z.output<C['methods'][K]['input']>,
  ) => Promise<z.input<C['methods'][K]['output']>> | z.input<C['methods'][K]['output']>;
};

/** The wire format of the WebSocket transport (IPC carries the same shapes). */
export const BridgeCallSchema = z.object({
  v: z.literal(1),
  kind: z.literal('call'),
  id: z.number().int(),
  method: z.string(),
  input: z.unknown(),
});
export const BridgeResultSchema = z.discriminatedUnion('ok', [
  z.object({
    v: z.literal(1),
    kind: z.literal('result'),
    id: z.number().int(),
    ok: z.literal(true),
    value: z.unknown(),
  }),
  z.object({
    v: z.literal(1),
    kind: z.literal('result'),
    id: z.number().int(),
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export const BridgeEventSchema = z.object({
  v: z.literal(1),
  kind: z.literal('event'),
  name: z.string(),
  payload: z.unknown(),
});
export const BridgeServerMessageSchema = z.union([BridgeResultSchema, BridgeEventSchema]);
export type BridgeCall = z.infer<typeof BridgeCallSchema>;
export type BridgeServerMessage = z.infer<typeof BridgeServerMessageSchema>;

/** A refusal the renderer can show: `code` maps to an i18n message. */
export class BridgeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}
