// One call board under test: the real host (DeviceLink to a real Mosquitto, SQLite store) served to
// a real Chromium page over the loopback bridge.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '@hallkit/testkit';
import { CallerDisplayHost } from '../../src/host/CallerDisplayHost.ts';
import { boardUrl, RENDERER_DIR, serveBoard, type ServedBoard } from '../../src/host/serve.ts';
import type { BoardConfig } from '../../src/board/BoardConfig.ts';
import { HALL_ID } from './HallFeed.ts';

/** `npm test` builds every renderer first; a lone run builds this one if it is missing. */
export function ensureRendererBuilt(): void {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  const r = spawnSync('npm', ['run', '-s', 'build:web'], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the call board renderer failed');
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

export class BoardHarness {
  board: ServedBoard | undefined;
  readonly dir = mkdtempSync(join(tmpdir(), 'hallkit-board-'));
  private port = 0;
  private token = '';

  constructor(
    private readonly mqttUrl: string,
    readonly deviceId = 'board-1',
    private readonly localConfig: Partial<BoardConfig> = {},
    private readonly password?: string,
  ) {}

  async start(): Promise<ServedBoard> {
    ensureRendererBuilt();
    if (!this.port) this.port = await freePort();
    const host = new CallerDisplayHost({
      identity: { v: 1, hallId: HALL_ID, deviceId: this.deviceId, role: 'call-board', mqttUrl: this.mqttUrl, ...(this.password ? { password: this.password } : {}) },
      dataDir: this.dir,
      localConfig: this.localConfig,
      logger: quiet,
      backoff: { initialMs: 100, maxMs: 400 },
    });
    // Same port and token on a restart: the open page reconnects by itself, like a signage box would.
    this.board = await serveBoard(host, { port: this.port, ...(this.token ? { token: this.token } : {}) });
    this.token = this.board.server.token;
    return this.board;
  }

  url(query: Record<string, string> = {}): string {
    if (!this.board) throw new Error('not started');
    return boardUrl(this.board.server, query);
  }

  async stop(): Promise<void> {
    await this.board?.stop();
    this.board = undefined;
  }

  async open(browser: Browser, query: Record<string, string> = {}, viewport = { width: 1920, height: 1080 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.on('pageerror', (e) => console.error('[page error]', e.message));
    await page.goto(this.url(query));
    return page;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
