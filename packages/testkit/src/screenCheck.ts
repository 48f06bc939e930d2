// One check of a touch screen against docs/visual-standard.md, for every device's e2e suite: axe-core
// with every WCAG 2.1 A/AA rule and axe's best practices, the page inside its screen, no text below the
// device's smallest step, touch targets at least the device's minimum. Returns findings in words, so a
// test can collect every screen and state and fail once with the whole list.
// Not in index.ts: it uses DOM types inside page.evaluate, and packages without the DOM lib import the index.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export interface ScreenStandard {
  width: number;
  height: number;
  /** Smallest font size in CSS px any visible text may have (the type scale's `small` step). */
  minTextPx: number;
  /** Smallest height and width of a control in CSS px. */
  minTargetPx: number;
  /** Controls the standard lets be smaller (e.g. the kiosk's top bar: 70 px), by selector. */
  smallTargets?: { selector: string; minPx: number }[];
  /**
   * axe rules that do not apply to this device, each with the reason (written in the test, where a
   * reader sees it). Everything else of wcag2a/aa, wcag21a/aa and best-practice runs.
   */
  axeExempt?: Record<string, string>;
  /** axe tags beyond AXE_TAGS, e.g. 'wcag22aa' for the center's consoles and phone pages. */
  axeExtraTags?: string[];
}

export interface ScreenFinding {
  kind: 'axe' | 'overflow' | 'text-size' | 'target-size' | 'offscreen';
  what: string;
}

/** The axe tags every screen runs: WCAG 2.0/2.1 A and AA and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

export interface AxeOptions {
  /** Rules that do not apply to this screen, each with the reason. */
  exempt?: Record<string, string>;
  /** Tags beyond AXE_TAGS, e.g. 'wcag22aa' for the center's consoles and phone pages. */
  extraTags?: string[];
}

/**
 * axe-core over the whole document, one finding per violated rule (in words, with up to three
 * targets). The one axe runner of the repository: the devices' checkScreen and the center's screen
 * checks both come here.
 */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<ScreenFinding[]> {
  // Evaluated over the DevTools protocol: the apps' CSP (script-src 'self') rightly refuses a script tag.
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const rules = Object.fromEntries(Object.keys(options.exempt ?? {}).map((id) => [id, { enabled: false }]));
  const tags = [...AXE_TAGS, ...(options.extraTags ?? [])];
  const found = await page.evaluate(async ({ rules, tags }) => {
    type Result = { violations: { id: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] };
    const w = window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<Result> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, { rules, tags });
  return found.map((what) => ({ kind: 'axe' as const, what }));
}

/** Everything about one screen state that breaks the standard; an empty list when it meets it. */
export async function checkScreen(page: Page, s: ScreenStandard): Promise<ScreenFinding[]> {
  const layout = await page.evaluate((s) => {
    const out: { kind: 'overflow' | 'text-size' | 'target-size' | 'offscreen'; what: string }[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > s.width || doc.scrollHeight > s.height) out.push({ kind: 'overflow', what: `page is ${doc.scrollWidth}×${doc.scrollHeight} px on a ${s.width}×${s.height} screen` });
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const st = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none' && Number(st.opacity) > 0;
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} 「${(el.textContent ?? '').trim().slice(0, 24)}」`;
    // Inside a row or list that scrolls by itself (the pinyin candidates, a console's long list) an
    // element may lie beyond the edge: the scroller is what must fit, and it is checked itself.
    const inScroller = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (/auto|scroll/.test(getComputedStyle(a).overflowX + getComputedStyle(a).overflowY) && (a.scrollWidth > a.clientWidth || a.scrollHeight > a.clientHeight)) return true;
      return false;
    };
    // Text: every element that itself holds visible text.
    const small = new Set<string>();
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (!visible(el)) continue;
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      if (!own) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px + 0.01 < s.minTextPx) small.add(`${name(el)} ${px} px < ${s.minTextPx}`);
      const r = el.getBoundingClientRect();
      if (!inScroller(el) && (r.right > s.width + 1 || r.bottom > s.height + 1 || r.left < -1 || r.top < -1)) out.push({ kind: 'offscreen', what: `${name(el)} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}` });
    }
    for (const w of small) out.push({ kind: 'text-size', what: w });
    // Targets: every visible control.
    for (const el of Array.from(document.body.querySelectorAll('button, a[href], input, select, textarea, [role=button]'))) {
      if (!visible(el)) continue;
      // A radio or checkbox inside its label is hit anywhere on the label: the label is the target.
      const box = el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') ? el.closest('label') : null;
      const r = (box ?? el).getBoundingClientRect();
      const rule = s.smallTargets?.find((t) => el.matches(t.selector));
      const min = rule ? rule.minPx : s.minTargetPx;
      if (r.width + 0.5 < min || r.height + 0.5 < min) out.push({ kind: 'target-size', what: `${name(el)} ${Math.round(r.width)}×${Math.round(r.height)} px < ${min}` });
      if (!inScroller(el) && (r.right > s.width + 1 || r.bottom > s.height + 1)) out.push({ kind: 'offscreen', what: `${name(el)} control outside the screen` });
    }
    return out;
  }, { width: s.width, height: s.height, minTextPx: s.minTextPx, minTargetPx: s.minTargetPx, smallTargets: s.smallTargets ?? [] });
  return [...layout, ...(await axeViolations(page, { ...(s.axeExempt ? { exempt: s.axeExempt } : {}), ...(s.axeExtraTags ? { extraTags: s.axeExtraTags } : {}) }))];
}
