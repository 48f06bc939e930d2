// WCAG text contrast, measured in the browser from computed styles: every visible piece of text
// (buttons and links included, in whatever state they are in now) against the background actually
// painted behind it — ancestors' translucent backgrounds and opacity composited, page canvas white.
import type { Page } from 'playwright-core';

export interface ContrastFinding {
  /** Tag, classes and a little of the text, to find the element. */
  what: string;
  ratio: number;
  /** 4.5 for body text, 3 for large text (24 px, or 18.66 px bold). */
  needed: number;
  color: string;
  background: string;
}

/**
 * Text and form controls under `root` whose contrast is below WCAG AA. Disabled controls are held
 * to the same bar on purpose: a citizen still has to read what a greyed-out button says.
 */
export async function lowContrast(page: Page, root = 'body'): Promise<ContrastFinding[]> {
  // One self-contained function: it runs in the page, so no helpers from this module may leak in.
  return page.evaluate((rootSelector) => {
    type RGBA = [number, number, number, number];
    const parse = (c: string): RGBA => {
      const m = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)$/.exec(c.trim());
      if (!m) throw new Error(`unexpected colour format: ${c}`);
      return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
    };
    const over = (top: RGBA, under: RGBA): RGBA => {
      const a = top[3];
      return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
    };
    const mix = (c: RGBA, backdrop: RGBA, opacity: number): RGBA => over([c[0], c[1], c[2], opacity], backdrop);
    const lum = (c: RGBA) => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
    };
    const hex = (c: RGBA) => `#${c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

    const findings: { what: string; ratio: number; needed: number; color: string; background: string }[] = [];
    const rootEl = document.querySelector(rootSelector);
    if (!rootEl) throw new Error(`no ${rootSelector} on the page`);
    const candidates = [...rootEl.querySelectorAll<HTMLElement>('*')].filter(
      (el) =>
        el.matches('button, a, input:not([type=checkbox]):not([type=radio]), select, textarea') ||
        [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== ''),
    );
    for (const el of candidates) {
      const cs = getComputedStyle(el);
      if (el.getClientRects().length === 0 || cs.visibility === 'hidden' || el.closest('svg')) continue;
      // The chain from <html> down to the element: each paints its background over what is beneath.
      const chain: Element[] = [];
      for (let n: Element | null = el; n; n = n.parentElement) chain.unshift(n);
      let beneath: RGBA = [255, 255, 255, 1];
      const backdrops: { backdrop: RGBA; opacity: number }[] = [];
      for (const n of chain) {
        const s = getComputedStyle(n);
        backdrops.push({ backdrop: beneath, opacity: Number(s.opacity) });
        beneath = over(parse(s.backgroundColor), beneath);
      }
      let text = over(parse(cs.color), beneath);
      let bg = beneath;
      // Opacity mixes a whole subtree with what lies behind it, innermost first.
      for (const { backdrop, opacity } of backdrops.reverse()) {
        if (opacity >= 1) continue;
        text = mix(text, backdrop, opacity);
        bg = mix(bg, backdrop, opacity);
      }
      const [hi, lo] = [lum(text), lum(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(cs.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
      const needed = large ? 3 : 4.5;
      if (ratio < needed) {
        const label = (el.textContent ?? (el as HTMLInputElement).value ?? '').trim().slice(0, 24);
        findings.push({ what: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${label}"${(el as HTMLButtonElement).disabled ? ' (disabled)' : ''}`, ratio: Math.round(ratio * 100) / 100, needed, color: hex(text), background: hex(bg) });
      }
    }
    return findings;
  }, root);
}
