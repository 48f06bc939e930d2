// What every e2e screen check of the center's pages measures in Chromium, beyond contrast.ts:
// axe-core (testkit's runner, WCAG 2.2 added), touch targets, sideways overflow, text size.
import type { Browser, Page } from 'playwright-core';
import { axeViolations as axeRun, type ScreenFinding, type ScreenStandard } from '@hallkit/testkit/screenCheck';

/**
 * axe-core over the whole document through testkit's one axe runner: WCAG 2.0/2.1/2.2 A and AA plus
 * axe's best practices (one main landmark, one h1, heading order, everything inside a landmark …).
 * The center's pages add WCAG 2.2 AA (target size) to what the devices run.
 */
export function axeViolations(page: Page): Promise<ScreenFinding[]> {
  return axeRun(page, { extraTags: ['wcag22aa'] });
}

export interface SmallTarget {
  what: string;
  width: number;
  height: number;
}

/**
 * Controls a finger must hit that are smaller than `min` CSS px either way. A checkbox or radio is
 * measured by its label (the whole label is the target); hidden and disabled controls are skipped.
 */
export async function smallTargets(page: Page, min = 44): Promise<SmallTarget[]> {
  return page.evaluate((minPx) => {
    const out: { what: string; width: number; height: number }[] = [];
    const controls = document.querySelectorAll<HTMLElement>('button, a[href], select, input:not([type=hidden]), textarea, [role=button], [tabindex]:not([tabindex="-1"])');
    for (const el of controls) {
      if (el.closest('svg') || (el as HTMLButtonElement).disabled) continue;
      const isBox = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
      const target = isBox ? (el.closest('label') ?? el) : el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (getComputedStyle(target).visibility === 'hidden') continue;
      if (r.width < minPx - 0.5 || r.height < minPx - 0.5) {
        const label = (target.textContent ?? '').trim().slice(0, 20) || target.getAttribute('aria-label') || (el as HTMLInputElement).name || '';
        out.push({ what: `${target.tagName.toLowerCase()}.${[...target.classList].join('.')} "${label}"`, width: Math.round(r.width), height: Math.round(r.height) });
      }
    }
    return out;
  }, min);
}

/** The page does not scroll sideways and nothing sticks out past the right edge. */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > vw + 1 && getComputedStyle(e).position !== 'fixed';
      })
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
    if (document.documentElement.scrollWidth > vw) wide.unshift(`page ${document.documentElement.scrollWidth} px wide in ${vw}`);
    return wide.slice(0, 6);
  });
}

/** Visible text set smaller than `min` px (elder mode promises large type everywhere). */
export async function smallText(page: Page, min: number): Promise<string[]> {
  return page.evaluate((minPx) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.closest('svg') || el.getClientRects().length === 0) continue;
      if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.clip === 'rect(0px, 0px, 0px, 0px)' || cs.clipPath === 'inset(50%)') continue;
      const size = parseFloat(cs.fontSize);
      if (size < minPx - 0.01) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 16)}" ${size}px`);
    }
    return out.slice(0, 8);
  }, min);
}

/**
 * The consoles' standard (docs/visual-standard.md, consoles): a counter PC's 1366×768, text never
 * below 14 px, every control at least 32 × 32 px, WCAG 2.2 AA on top of what the devices run.
 */
export const CONSOLE_SCREEN: ScreenStandard = { width: 1366, height: 768, minTextPx: 14, minTargetPx: 32, axeExtraTags: ['wcag22aa'] };

/** A console page at the staff PC's size, in the hall's time zone, opening in `lang` (the consoles' saved choice). */
export async function consoleScreenPage(browser: Browser, lang: 'zh-CN' | 'zh-TW' | 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: CONSOLE_SCREEN.width, height: CONSOLE_SCREEN.height }, locale: lang, timezoneId: 'Asia/Shanghai' });
  await context.addInitScript((l) => localStorage.setItem('hallkit.lang', l), lang);
  return context.newPage();
}
