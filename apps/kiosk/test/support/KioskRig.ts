// Everything a kiosk end-to-end test needs, all real: Mosquitto, the center as a child process, the
// printer simulator on TCP, the ID-card reader and scanner simulators on socat PTYs, the kiosk host
// behind its LoopbackServer, and Chromium at 1080×1920.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { freePort, launchChromium, Mosquitto, PtyPair } from '@hallkit/testkit';
import { IdCardSimulator, PrinterSimulator, ScannerSimulator } from '@hallkit/devices';
import type { LoopbackServer } from '@hallkit/host';
import { KioskHost } from '../../src/host/KioskHost.ts';
import { serveKiosk } from '../../src/host/serve.ts';
import { SpokenVoice } from '../../src/host/voice/Voice.ts';
import { Espeak, FileAudioOut } from '@hallkit/host';
import type { KioskContract } from '../../src/contract.ts';
import { CenterProcess } from './CenterProcess.ts';

const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** The e2e tests need the built renderer; `npm test` builds it first, a lone run builds it here. */
export function ensureRendererBuilt(): void {
  if (existsSync(join(APP_DIR, 'dist/renderer/index.html'))) return;
  execFileSync(process.execPath, [join(APP_DIR, '../../node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.config.ts', '--logLevel', 'error'], { cwd: APP_DIR, stdio: 'inherit' });
}

export const TECH_PIN = '135790';

export class KioskRig {
  host!: KioskHost;
  server!: LoopbackServer<KioskContract>;
  browser!: Browser;
  page!: Page;
  /**
   * The kiosk's real voice (espeak-ng), its "speaker" a folder: `<dir>/speaker/NNNN.wav` plus
   * said.jsonl, so a test can open and measure exactly what would have been played.
   */
  readonly speaker: FileAudioOut;
  readonly voice: SpokenVoice;
  private constructor(
    readonly dir: string,
    readonly mosquitto: Mosquitto,
    readonly center: CenterProcess,
    readonly printer: PrinterSimulator,
    readonly idCard: IdCardSimulator,
    readonly scanner: ScannerSimulator,
    private readonly ptys: PtyPair[],
  ) {
    this.speaker = new FileAudioOut(join(dir, 'speaker'));
    this.voice = new SpokenVoice(new Espeak(), this.speaker, (l) => (l.startsWith('voice failed') ? console.error(`[kiosk] ${l}`) : undefined));
  }

  static async start(o: { idleSeconds?: number } = {}): Promise<KioskRig> {
    ensureRendererBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'hallkit-kiosk-e2e-'));
    // Low-latency request/response (ticket-issue) needs Nagle off on the broker's sockets, as the hall's broker should be set up.
    const mosquitto = await Mosquitto.start();
    const center = new CenterProcess(mosquitto.url, await freePort(), join(dir, 'center'));
    const [printer, cardPty, scanPty] = await Promise.all([PrinterSimulator.start({ tcp: { port: 0 } }), PtyPair.create(), PtyPair.create(), center.start()]);
    const idCard = await IdCardSimulator.start({ serialPath: cardPty.devicePath });
    const scanner = await ScannerSimulator.start({ serialPath: scanPty.devicePath });
    const rig = new KioskRig(dir, mosquitto, center, printer, idCard, scanner, [cardPty, scanPty]);
    rig.host = new KioskHost({
      identity: { v: 1, hallId: 'yantai', deviceId: 'kiosk-1', role: 'kiosk', mqttUrl: mosquitto.url, centerHttp: center.httpUrl },
      dataDir: join(dir, 'kiosk'),
      devices: { printer: `tcp:127.0.0.1:${printer.tcpPort}`, idCard: cardPty.hostPath, scanner: scanPty.hostPath },
      technicianPin: TECH_PIN,
      voice: rig.voice,
      ...(o.idleSeconds ? { defaults: { idleSeconds: o.idleSeconds } } : {}),
      issueTimeoutMs: 1500,
      heartbeatMs: 2000,
      logger: { debug: () => undefined, info: () => undefined, warn: (m, f) => console.warn(`[kiosk] ${m}`, f ?? ''), error: (m, f) => console.error(`[kiosk] ${m}`, f ?? '') },
    });
    await rig.host.start();
    rig.server = await serveKiosk(rig.host);
    rig.browser = await launchChromium();
    rig.page = await rig.browser.newPage({ viewport: { width: 1080, height: 1920 } });
    rig.page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
    await rig.page.goto(rig.server.url);
    await rig.page.waitForSelector('[data-screen=home]');
    return rig;
  }

  /** What the kiosk's speaker "played", in order (file in the speaker folder, language: text). */
  spoken(): { file: string; label: string }[] {
    const f = join(this.speaker.dir, 'said.jsonl');
    if (!existsSync(f)) return [];
    return readFileSync(f, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { file: string; label: string });
  }

  /** Back to a fresh home screen (a reload forgets every bit of renderer state). */
  async reset(): Promise<void> {
    await this.page.reload({ timeout: 8000 });
    await this.page.waitForSelector('[data-screen=home]', { timeout: 8000 });
  }

  /** The kiosk's idle time (seconds) from its per-device settings, as the hall admin sets it at the center. */
  async setIdleSeconds(seconds: number): Promise<void> {
    const version = this.host.store.config.version('device', 'kiosk') + 1;
    this.host.store.config.put('device', 'kiosk', version, { v: 1, technicianPin: TECH_PIN, elderAge: 65, idleSeconds: seconds });
    await this.host.reloadConfig();
  }

  /** Writes docs/screenshots/kiosk-<name>.png when HALLKIT_SCREENSHOTS=1 (the README's pictures). */
  async shot(name: string): Promise<void> {
    if (process.env.HALLKIT_SCREENSHOTS !== '1') return;
    await this.page.waitForTimeout(300);
    await this.page.screenshot({ path: join(APP_DIR, `../../docs/screenshots/kiosk-${name}.png`) });
  }

  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.server?.stop().catch(() => undefined);
    await this.host?.stop().catch(() => undefined);
    await Promise.all([this.printer.stop(), this.idCard.stop(), this.scanner.stop()].map((p) => p.catch(() => undefined)));
    await Promise.all(this.ptys.map((p) => p.close()));
    await this.center.stop();
    await this.mosquitto.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function waitUntil(pred: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
