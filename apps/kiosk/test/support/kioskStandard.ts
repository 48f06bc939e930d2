// The kiosk's screen standard (docs/visual-standard.md) for its visual walks: 1080×1920 portrait,
// text ≥ 22 px (34 px in elder mode), targets ≥ 84 px (the top bar's ≥ 70 px), every axe rule.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotDir } from '@hallkit/testkit';
import { checkScreen, type ScreenStandard } from '@hallkit/testkit/screenCheck';

export const KIOSK: ScreenStandard = {
  width: 1080,
  height: 1920,
  minTextPx: 22,
  minTargetPx: 84,
  smallTargets: [{ selector: '.top-actions button', minPx: 70 }],
  axeExempt: {
    // A public terminal disables pinch zoom on purpose (a citizen must not leave it zoomed in for the
    // next one); 长者模式 is its zoom: every text step larger, checked with minTextPx 34.
    'meta-viewport': 'kiosk: zoom replaced by elder mode',
  },
};
export const ELDER: ScreenStandard = { ...KIOSK, minTextPx: 34 };

export type Lang = 'zh-CN' | 'zh-TW' | 'en';

export const SHOTS = join(screenshotDir(), 'kiosk-visual');
mkdirSync(SHOTS, { recursive: true });

/** Checks the screen as it is now and keeps a screenshot of it; returns the findings, labelled. */
export async function look(p: Page, label: string, standard: ScreenStandard): Promise<string[]> {
  await p.waitForTimeout(150);
  await p.screenshot({ path: join(SHOTS, `${label.replace(/[^\w-]+/g, '_')}.png`) });
  return (await checkScreen(p, standard)).map((f) => `${label}: ${f.kind}: ${f.what}`);
}
