// The strip-driver role: the LED strips the hall's definition gives this device, fed with the board
// state this host already keeps (retained snapshot + live calls, offline-safe with the saved copy).
// Each strip shows its window's line of the board and switches at the call; a voice card says the
// call. A controller that was unplugged is drawn again when it answers (LedStrip keeps the screen).
import type { LedStripConfig } from '@hallkit/core';
import { LedStrip, SerialTransport, TcpTransport, type Transport } from '@hallkit/devices';
import type { Logger } from '@hallkit/sync';
import { DEFAULT_BOARD_CONFIG } from '../board/BoardConfig.ts';
import type { BoardState } from '../board/BoardState.ts';
import { boardView } from '../renderer/board/boardView.ts';
import { CallTracker } from '../renderer/board/CallTracker.ts';
import { stripSpeech, windowStripScreen } from './windowStripScreen.ts';

export interface StripDriverOptions {
  deviceId: string;
  logger: Logger;
  /** A strip went offline or came back, or reported a fault: the host tells the center now. */
  onHealthChanged?: () => void;
  /** Overrides for tests (fast reconnect). */
  strip?: { minRefreshMs?: number; keepAliveMs?: number; commandTimeoutMs?: number; reconnectMinMs?: number; reconnectMaxMs?: number };
}

const FAULT_SHOWN_MS = 60_000;

interface Owned {
  config: LedStripConfig;
  key: string;
  strip: LedStrip;
  lastScreen: string | null;
  lastFault: string | null;
  lastFaultAt: number;
}

export interface StripHealth {
  windowId: string;
  address: string;
  model: string;
  power: string;
  showing: string | null;
  fault: string | null;
}

export class StripDriver {
  private readonly owned = new Map<string, Owned>();
  private readonly tracker = new CallTracker();
  private lastState: BoardState | null = null;
  /** Host clock of the last call each strip switched to (for the latency benchmark and tests). */
  readonly switchedAt = new Map<string, { number: string; at: number }>();

  constructor(private readonly o: StripDriverOptions) {}

  /** Apply the hall definition's strips: start new ones, stop removed or changed ones. */
  configure(all: readonly LedStripConfig[]): void {
    const mine = all.filter((s) => s.driverDeviceId === this.o.deviceId);
    const wanted = new Map(mine.map((c) => [c.windowId, c]));
    for (const [w, own] of this.owned) {
      const c = wanted.get(w);
      if (!c || JSON.stringify(c) !== own.key) {
        this.owned.delete(w);
        void own.strip.close().catch(() => undefined);
      }
    }
    for (const c of mine) if (!this.owned.has(c.windowId)) this.start(c);
    if (this.lastState) this.update(this.lastState);
  }

  get windows(): string[] {
    return [...this.owned.keys()];
  }

  /** Every board state: redraw strips whose line changed; say new calls. */
  update(state: BoardState): void {
    this.lastState = state;
    const fresh = this.tracker.update(state);
    for (const own of this.owned.values()) {
      const w = own.config.windowId;
      const view = boardView(state, { ...DEFAULT_BOARD_CONFIG, ...state.config, layout: 'window', windowId: w }).strip;
      const screen = windowStripScreen(view, own.config.colours);
      if (!screen) continue;
      const call = fresh.filter((c) => c.windowId === w).at(-1);
      const key = JSON.stringify(screen);
      if (key === own.lastScreen && !call) continue;
      own.lastScreen = key;
      const speech = call && own.config.speak ? { speech: stripSpeech(call.number, call.windowNumber) } : {};
      if (call) this.switchedAt.set(w, { number: call.number, at: Date.now() });
      if (own.strip.claimed) own.strip.show({ ...screen, ...speech }).catch((e: Error) => this.o.logger.debug(`strip ${w}: ${e.message}`));
    }
  }

  health(): StripHealth[] {
    return [...this.owned.values()].map((o) => ({
      windowId: o.config.windowId, address: o.strip.address, model: o.config.model, power: o.strip.power,
      showing: o.lastScreen ? (JSON.parse(o.lastScreen) as { lines: Array<{ runs: Array<{ text: string }> }> }).lines.map((l) => l.runs.map((r) => r.text).join('')).join(' / ') : null,
      // A fault is news for a minute; the log keeps it.
      fault: o.lastFault !== null && Date.now() - o.lastFaultAt < FAULT_SHOWN_MS ? o.lastFault : null,
    }));
  }

  /** One line per strip that is not well, in the hall's language (the admin's device list). */
  problems(): string[] {
    return this.health().flatMap((h) => {
      const n = h.windowId;
      if (h.power === 'offline') return [`${n} 窗口条屏离线 (${h.address})`];
      if (h.fault) return [`${n} 窗口条屏: ${h.fault}`];
      return [];
    });
  }

  async stop(): Promise<void> {
    const all = [...this.owned.values()];
    this.owned.clear();
    await Promise.all(all.map((o) => o.strip.close().catch(() => undefined)));
  }

  private start(c: LedStripConfig): void {
    const transport: Transport = c.controller.type === 'tcp' ? new TcpTransport({ host: c.controller.host, port: c.controller.port, connectTimeoutMs: 2000 }) : new SerialTransport({ path: c.controller.path, baudRate: c.controller.baudRate });
    const strip = new LedStrip(transport, {
      name: `strip-${c.windowId}`,
      model: c.model,
      screenAddress: c.screenAddress,
      width: c.width,
      height: c.height,
      ...(c.brightness !== undefined ? { brightness: c.brightness } : {}),
      log: (e) => this.o.logger[e.level === 'debug' ? 'debug' : e.level === 'error' ? 'error' : e.level === 'warn' ? 'warn' : 'info'](`[${e.device}] ${e.message}`),
      ...this.o.strip,
    });
    const own: Owned = { config: c, key: JSON.stringify(c), strip, lastScreen: null, lastFault: null, lastFaultAt: 0 };
    this.owned.set(c.windowId, own);
    strip.on('status', (s) => {
      if (s.type !== 'power') return;
      if (s.value === 'online') own.lastFault = null;
      this.o.onHealthChanged?.();
    });
    strip.on('fault', (e) => {
      own.lastFault = e.message;
      own.lastFaultAt = Date.now();
      this.o.onHealthChanged?.();
    });
    // A screen the card acknowledged is the proof it works again: an old fault is history.
    strip.on('shown', () => {
      if (own.lastFault === null) return;
      own.lastFault = null;
      this.o.onHealthChanged?.();
    });
    void (async () => {
      await strip.open();
      await strip.claim({ allowOffline: true });
      await strip.enable();
      if (this.owned.get(c.windowId) !== own) return;
      if (this.lastState) {
        own.lastScreen = null;
        this.update(this.lastState);
      }
    })().catch((e: Error) => this.o.logger.warn(`strip ${c.windowId} could not start: ${e.message}`));
  }
}
