import type { BridgeContract, BridgeHandlers, EventPayload } from './contract.ts';

export type BridgeOutcome =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/**
 * The host side of a bridge, independent of transport: validates every call's input and every
 * result against the contract, turns thrown errors into codes, and fans events out to whichever
 * transports are attached (Electron IPC, loopback WebSocket, or both).
 */
export class BridgeHost<C extends BridgeContract> {
  private readonly sinks = new Set<(name: string, payload: unknown) => void>();
  private readonly lastEvents = new Map<string, unknown>();

  constructor(
    readonly contract: C,
    private readonly handlers: BridgeHandlers<C>,
    private readonly log: (line: string) => void = (l) => console.error(`[bridge:${contract.name}] ${l}`),
  ) {}

  async call(method: string, input: unknown): Promise<BridgeOutcome> {
    const spec = Object.prototype.hasOwnProperty.call(this.contract.methods, method)
      ? this.contract.methods[method]
      : undefined;
    const handler = (this.handlers as Record<string, (i: unknown) => unknown>)[method];
    if (!spec || !handler)
      return { ok: false, error: { code: 'unknown-method', message: `no method ${method}` } };
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      this.log(`rejected ${method}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return {
        ok: false,
        error: {
          code: 'invalid-input',
          message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        },
      };
    }
    try {
      const value = spec.output.parse(await handler(parsed.data));
      return { ok: true, value };
    } catch (e) {
      const code =
        typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'host-error';
      const message = e instanceof Error ? e.message : String(e);
      this.log(`${method} failed: ${code}: ${message}`);
      return { ok: false, error: { code, message } };
    }
  }

  /** Push an event to every connected renderer. The latest payload per event is replayed to newcomers. */
  emit<K extends keyof C['events'] & string>(name: K, payload: EventPayload<C, K>): void {
    const schema = this.contract.events[name];
    const checked = schema ? schema.parse(payload) : payload;
    this.lastEvents.set(name, checked);
    for (const sink of this.sinks) sink(name, checked);
  }

  attach(sink: (name: string, payload: unknown) => void): () => void {
    this.sinks.add(sink);
    for (const [name, payload] of this.lastEvents) sink(name, payload);
    return () => this.sinks.delete(sink);
  }
}
