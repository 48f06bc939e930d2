import { chromium, type Browser, type Page } from 'playwright-core';
import type { RendererHandle } from './RendererSupervisor.ts';

export interface ChromiumKioskOptions {
  executablePath: string;
  url: string;
  /** Kiosk boxes run headful and full screen; tests run headless. */
  headless?: boolean;
  width?: number;
  height?: number;
  extraArgs?: string[];
}

/**
 * Browser-only terminals (signage boxes, browser-only kiosks): the host starts Debian's Chromium in
 * kiosk mode on its own loopback page and supervises it through the DevTools protocol, so a crashed
 * or hung tab is reloaded exactly as Electron's renderer would be.
 */
export class ChromiumKiosk implements RendererHandle {
  private readonly goneListeners: (() => void)[] = [];
  private crashed = false;

  private constructor(
    readonly browser: Browser,
    public page: Page,
    private readonly url: string,
  ) {
    this.watch(page);
  }

  private watch(page: Page): void {
    page.on('crash', () => {
      this.crashed = true;
      for (const l of this.goneListeners) l();
    });
  }

  static async launch(o: ChromiumKioskOptions): Promise<ChromiumKiosk> {
    const browser = await chromium.launch({
      executablePath: o.executablePath,
      headless: o.headless ?? false,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--autoplay-policy=no-user-gesture-required',
        ...(o.headless
          ? []
          : ['--kiosk', '--noerrdialogs', '--disable-pinch', '--overscroll-history-navigation=0']),
        ...(o.extraArgs ?? []),
      ],
    });
    const context = await browser.newContext({
      viewport: { width: o.width ?? 1080, height: o.height ?? 1920 },
    });
    // Permissions denied by default; navigation away from the app is blocked below.
    await context.clearPermissions();
    const origin = new URL(o.url).origin;
    await context.route('**/*', (route) =>
      new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    await page.goto(o.url);
    return new ChromiumKiosk(browser, page, o.url);
  }

  on(event: 'gone' | 'unresponsive' | 'responsive', listener: () => void): void {
    if (event === 'gone') this.goneListeners.push(listener);
    // Hang detection for a tab: the host's bridge heartbeat notices a silent renderer (see the app hosts).
  }

  /** A crashed tab cannot navigate again: it is replaced by a fresh one on the same page address. */
  async reload(): Promise<void> {
    if (this.crashed) {
      const old = this.page;
      this.page = await old.context().newPage();
      this.watch(this.page);
      this.crashed = false;
      await old.close().catch(() => undefined);
    }
    await this.page.goto(this.url);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
