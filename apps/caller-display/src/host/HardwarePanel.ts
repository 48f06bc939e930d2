// The demo's hardware panel: the LED strips of windows 5–7 as the simulated controllers draw them
// (PNG, refreshed as they change) and window 6's wired keypad with its digits and keys. Served on
// loopback with a per-launch token, like the kiosk's simulator panel.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { KeypadAction, KeypadSimulator, LedStripSimulator } from '@hallkit/devices';
import type { CallerBridge } from '../hardware/CallerBridge.ts';
import { hardwarePanelHtml } from './hardwarePanelHtml.ts';

export interface HardwarePanelOptions {
  strips: Record<string, LedStripSimulator>;
  keypads?: KeypadSimulator;
  /** Keypad address → window label, for the page. */
  keypadWindows: Record<number, string>;
  bridge: CallerBridge;
  port?: number;
}

const PRESSES: Record<string, KeypadAction> = {
  call: { action: 'call-next' }, recall: { action: 'recall' }, finish: { action: 'finish' }, pause: { action: 'pause' },
  'no-show': { action: 'no-show' }, hold: { action: 'hold' }, 'call-back': { action: 'call-back' },
};

export class HardwarePanel {
  readonly token = randomBytes(12).toString('base64url');
  private server: Server | undefined;
  private readonly pngs = new Map<string, { rev: number; png: Buffer }>();
  origin = '';

  constructor(private readonly o: HardwarePanelOptions) {}

  get url(): string {
    return `${this.origin}/?t=${this.token}`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res).catch((e: Error) => this.send(res, 500, 'text/plain; charset=utf-8', e.message)));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.o.port ?? 0, '127.0.0.1', () => resolve());
    });
    const a = server.address();
    this.origin = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
    this.server = server;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(body);
  }

  private state(): unknown {
    const strips = Object.fromEntries(
      Object.entries(this.o.strips).map(([w, s]) => [w, { text: s.text(), rev: s.strip.revision, model: s.model.label, spoken: s.spoken.slice(-3), problems: s.problems.slice(-3).map((p) => p.message), online: s.online }]),
    );
    const pads = this.o.keypads;
    const keypads = pads ? Object.fromEntries([...pads.keypads.values()].map((k) => [k.address, { window: this.o.keypadWindows[k.address] ?? '', digits: pads.display(k.address), beeps: k.beeps, lastBeeps: k.beepTimes.filter((t) => Date.now() - t < 1500).length }])) : {};
    return { strips, keypads, outcomes: this.o.bridge.outcomes.slice(-6).reverse() };
  }

  private async body(req: IncomingMessage): Promise<Record<string, unknown>> {
    let raw = '';
    for await (const chunk of req) {
      raw += String(chunk);
      if (raw.length > 4096) throw new Error('body too large');
    }
    try {
      return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    if (url.searchParams.get('t') !== this.token) return this.send(res, 403, 'text/plain; charset=utf-8', '需要本次演示的访问令牌 (token)');
    if (req.method === 'GET' && url.pathname === '/') return this.send(res, 200, 'text/html; charset=utf-8', hardwarePanelHtml(this.token, Object.keys(this.o.strips), this.o.keypadWindows));
    if (req.method === 'GET' && url.pathname === '/api/state') return this.send(res, 200, 'application/json', JSON.stringify(this.state()));
    const strip = /^\/strip\/(\w+)\.png$/.exec(url.pathname);
    if (req.method === 'GET' && strip) {
      const sim = this.o.strips[strip[1] as string];
      if (!sim) return this.send(res, 404, 'text/plain', 'no such strip');
      const cached = this.pngs.get(strip[1] as string);
      const png = cached && cached.rev === sim.strip.revision ? cached.png : await sim.png(5);
      this.pngs.set(strip[1] as string, { rev: sim.strip.revision, png });
      return this.send(res, 200, 'image/png', png);
    }
    const press = /^\/api\/keypad\/(\d+)\/press$/.exec(url.pathname);
    if (req.method === 'POST' && press) {
      const b = await this.body(req);
      const name = String(b.key ?? '');
      const action = name === 'transfer' ? { action: 'transfer' as const, toWindowNumber: Number(b.toWindowNumber) } : PRESSES[name];
      if (!action || (action.action === 'transfer' && !(action.toWindowNumber > 0))) return this.send(res, 400, 'application/json', JSON.stringify({ error: 'unknown-key' }));
      if (!this.o.keypads) return this.send(res, 404, 'application/json', JSON.stringify({ error: 'no-keypad-bus' }));
      const r = await this.o.keypads.press(Number(press[1]), action);
      return this.send(res, 200, 'application/json', JSON.stringify(r));
    }
    const plug = /^\/api\/strip\/(\w+)\/(unplug|replug|busy)$/.exec(url.pathname);
    if (req.method === 'POST' && plug) {
      const sim = this.o.strips[plug[1] as string];
      if (!sim) return this.send(res, 404, 'text/plain', 'no such strip');
      if (plug[2] === 'unplug') await sim.powerOff();
      else if (plug[2] === 'replug') await sim.powerOn();
      else sim.inject('nack-busy', 2);
      return this.send(res, 200, 'application/json', '{"ok":true}');
    }
    return this.send(res, 404, 'text/plain', 'not found');
  }
}
