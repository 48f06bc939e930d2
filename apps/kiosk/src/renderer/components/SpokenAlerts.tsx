import { useEffect } from 'react';
import { sayIfOn } from '../voice.ts';

/**
 * Whatever the screen shows as an alert — an error, paper out, the idle warning — is also said when
 * voice is on: every `role="alert"` / `role="alertdialog"` element that appears (or changes its
 * text) is read once. A screen only has to mark its message as an alert to be heard.
 */
export function SpokenAlerts(): null {
  useEffect(() => {
    const said = new WeakMap<Element, string>();
    const textOf = (el: Element) => (el.getAttribute('data-say') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const check = () => {
      for (const el of document.querySelectorAll('[role=alert], [role=alertdialog]')) {
        const text = textOf(el);
        if (!text || said.get(el) === text) continue;
        said.set(el, text);
        sayIfOn(text);
      }
    };
    const obs = new MutationObserver(check);
    obs.observe(document.body, { childList: true, subtree: true, characterData: true });
    check();
    return () => obs.disconnect();
  }, []);
  return null;
}
