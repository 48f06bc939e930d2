// The caller-bridge role: the RS-485 keypad buses the hall's definition gives this device. A key
// becomes the same window command as the web console's, asked of the center as this enrolled
// device (`keypad-action`); the keypad's digits follow the window (waiting count, ticket). When the
// center cannot be asked, the press is refused at once with three beeps and never sent later; a
// press the center did not answer in time carries a deadline the center honours, and a repeated
// press id is answered from the center's record, so nothing is lost silently and nothing doubles.
import { randomUUID } from 'node:crypto';
import { KEYPAD_ACTION_REQUEST, KeypadActionResultSchema, type KeypadActionRequest, type KeypadBusConfig, type KeypadWindowAction } from '@hallkit/core';
import { BEEP, CallerKeypadBus, SerialTransport, keypadDigits, type KeypadPress } from '@hallkit/devices';
import type { DeviceLink, Logger } from '@hallkit/sync';
import type { BoardState } from '../board/BoardState.ts';

export interface CallerBridgeOptions {
  deviceId: string;
  link: Pick<DeviceLink, 'request'>;
  logger: Logger;
  onHealthChanged?: () => void;
  /** How long a press waits for the center before the keypad beeps "offline". */
  requestTimeoutMs?: number;
  bus?: { reconnectMinMs?: number; reconnectMaxMs?: number; beepGapMs?: number };
}

export interface KeypadOutcome {
  address: number;
  windowId: string | null;
  action: string;
  result: 'done' | 'refused' | 'offline' | 'ignored';
  code?: string;
  at: string;
}

interface OwnedBus {
  config: KeypadBusConfig;
  key: string;
  bus: CallerKeypadBus;
  lastFault: string | null;
}

export class CallerBridge {
  private readonly buses = new Map<string, OwnedBus>();
  private state: BoardState | null = null;
  /** Offset center clock − host clock, from the snapshots' own times. */
  private centerOffsetMs = 0;
  private readonly busy = new Set<number>();
  private readonly shown = new Map<number, string>();
  /** Last outcomes, newest last (health, demo page, tests). */
  readonly outcomes: KeypadOutcome[] = [];

  constructor(private readonly o: CallerBridgeOptions) {}

  configure(all: readonly KeypadBusConfig[]): void {
    const mine = all.filter((b) => b.bridgeDeviceId === this.o.deviceId);
    const wanted = new Map(mine.map((b) => [b.serial.path, b]));
    for (const [path, own] of this.buses) {
      const c = wanted.get(path);
      if (!c || JSON.stringify(c) !== own.key) {
        this.buses.delete(path);
        void own.bus.close().catch(() => undefined);
      }
    }
    for (const c of mine) if (!this.buses.has(c.serial.path)) this.start(c);
    this.shown.clear();
    this.refreshDisplays();
  }

  /** Every board state: keep the keypads' digits in step with their windows. */
  update(state: BoardState): void {
    if (state.snapshot && state.live && state.snapshot.at !== this.state?.snapshot?.at) {
      this.centerOffsetMs = Date.parse(state.snapshot.at) - Date.now();
    }
    this.state = state;
    this.refreshDisplays();
  }

  problems(): string[] {
    return [...this.buses.values()].flatMap((b) => {
      if (b.bus.power === 'offline') return [`呼叫器总线离线 (${b.config.serial.path})`];
      if (b.lastFault) return [`呼叫器总线: ${b.lastFault}`];
      return [];
    });
  }

  health(): Array<{ path: string; power: string; keypads: Record<string, string>; fault: string | null }> {
    return [...this.buses.values()].map((b) => ({ path: b.config.serial.path, power: b.bus.power, keypads: Object.fromEntries([...b.bus.keypads].map(([a, at]) => [String(a), at])), fault: b.lastFault }));
  }

  async stop(): Promise<void> {
    const all = [...this.buses.values()];
    this.buses.clear();
    await Promise.all(all.map((b) => b.bus.close().catch(() => undefined)));
  }

  private windowOf(address: number): { own: OwnedBus; windowId: string } | undefined {
    for (const own of this.buses.values()) {
      const k = own.config.keypads.find((x) => x.address === address);
      if (k) return { own, windowId: k.windowId };
    }
    return undefined;
  }

  private windowState(windowId: string): { status: string; number: number | null; currentTicket: string | null; waiting: number } | undefined {
    const w = this.state?.snapshot?.windows.find((x) => x.id === windowId);
    return w ? { status: w.status, number: w.number, currentTicket: w.currentTicket, waiting: w.waitingHere } : undefined;
  }

  private refreshDisplays(): void {
    for (const own of this.buses.values()) {
      if (own.bus.power !== 'online') continue;
      for (const k of own.config.keypads) {
        const w = this.windowState(k.windowId);
        if (!w) continue;
        const digits = keypadDigits(w.waiting, w.currentTicket).join(',');
        if (this.shown.get(k.address) === digits) continue;
        this.shown.set(k.address, digits);
        own.bus.display(k.address, w.waiting, w.currentTicket).catch((e: Error) => this.o.logger.debug(`keypad ${k.address}: ${e.message}`));
      }
    }
  }

  private record(o: Omit<KeypadOutcome, 'at'>): void {
    this.outcomes.push({ ...o, at: new Date().toISOString() });
    if (this.outcomes.length > 50) this.outcomes.shift();
    this.o.logger.info(`keypad ${o.address} (${o.windowId ?? '?'}): ${o.action} → ${o.result}${o.code ? ` (${o.code})` : ''}`);
  }

  private async onKey(own: OwnedBus, k: KeypadPress): Promise<void> {
    const target = this.windowOf(k.address);
    const beep = (n: number): Promise<void> => own.bus.beep(k.address, n).catch(() => undefined);
    if (!target) {
      this.record({ address: k.address, windowId: null, action: k.press.action, result: 'ignored', code: 'unknown-keypad' });
      return beep(BEEP.refused);
    }
    const { windowId } = target;
    let action: KeypadWindowAction;
    let toWindowNumber: number | undefined;
    switch (k.press.action) {
      case 'call-next': case 'recall': case 'finish': case 'no-show': case 'hold': case 'call-back':
        action = k.press.action;
        break;
      case 'pause':
        // One key for both: pause an open window, resume a paused one.
        action = this.windowState(windowId)?.status === 'paused' ? 'resume' : 'pause';
        break;
      case 'transfer':
        action = 'transfer';
        toWindowNumber = k.press.toWindowNumber;
        break;
      default:
        this.record({ address: k.address, windowId, action: k.press.action, result: 'ignored' });
        return beep(BEEP.refused);
    }
    // One press at a time per keypad: a key while the last one is still with the center is refused, not queued.
    if (this.busy.has(k.address)) {
      this.record({ address: k.address, windowId, action, result: 'refused', code: 'busy' });
      return beep(BEEP.refused);
    }
    this.busy.add(k.address);
    try {
      const timeoutMs = this.o.requestTimeoutMs ?? 3000;
      const body: KeypadActionRequest = {
        v: 1, pressId: randomUUID(), address: k.address, windowId, action, ...(toWindowNumber ? { toWindowNumber } : {}),
        // Leaves the answer time to come back before the keypad gives up; a later arrival is refused by the center.
        deadline: Date.now() + this.centerOffsetMs + Math.max(500, timeoutMs - 500),
      };
      const out = await this.o.link.request(KEYPAD_ACTION_REQUEST, body, { timeoutMs, schema: KeypadActionResultSchema });
      if (!out.ok) {
        this.record({ address: k.address, windowId, action, result: 'offline', code: out.reason });
        return beep(BEEP.offline);
      }
      const r = out.body;
      if (r.window) {
        this.shown.set(k.address, keypadDigits(r.window.waiting, r.window.currentTicket).join(','));
        await own.bus.display(k.address, r.window.waiting, r.window.currentTicket).catch(() => undefined);
      }
      if (!r.ok) {
        this.record({ address: k.address, windowId, action, result: 'refused', ...(r.code ? { code: r.code } : {}) });
        return beep(BEEP.refused);
      }
      this.record({ address: k.address, windowId, action, result: 'done' });
      return beep(BEEP.ok);
    } finally {
      this.busy.delete(k.address);
    }
  }

  private start(c: KeypadBusConfig): void {
    const bus = new CallerKeypadBus(new SerialTransport({ path: c.serial.path, baudRate: c.serial.baudRate }), {
      name: `keypads@${c.serial.path}`,
      log: (e) => this.o.logger[e.level === 'debug' ? 'debug' : e.level === 'error' ? 'error' : e.level === 'warn' ? 'warn' : 'info'](`[${e.device}] ${e.message}`),
      ...this.o.bus,
    });
    const own: OwnedBus = { config: c, key: JSON.stringify(c), bus, lastFault: null };
    this.buses.set(c.serial.path, own);
    bus.on('key', (k) => {
      this.onKey(own, k).catch((e: Error) => {
        // Never a silent key: whatever went wrong here, the keypad hears "refused".
        this.o.logger.error(`keypad ${k.address}: ${e.message}`);
        this.busy.delete(k.address);
        void own.bus.beep(k.address, BEEP.refused).catch(() => undefined);
      });
    });
    bus.on('status', (s) => {
      if (s.type !== 'power') return;
      if (s.value === 'online') {
        own.lastFault = null;
        for (const k of c.keypads) this.shown.delete(k.address);
        this.refreshDisplays();
      }
      this.o.onHealthChanged?.();
    });
    bus.on('fault', (e) => {
      own.lastFault = e.message;
      this.o.onHealthChanged?.();
    });
    void (async () => {
      await bus.open();
      await bus.claim({ allowOffline: true });
      await bus.enable();
      this.refreshDisplays();
    })().catch((e: Error) => this.o.logger.warn(`keypad bus ${c.serial.path} could not start: ${e.message}`));
  }
}
