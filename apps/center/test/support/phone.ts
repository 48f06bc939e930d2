// What the phone-page tests share: a phone-sized Chromium context, and the one-time log-in codes the
// demo's LogCodeSender writes to the center's log (no SMS here).
import type { Logger } from '@hallkit/sync';

export const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

/** A center logger that keeps each login code it logs, for the test to type in. */
export function codeCapturingLogger(): { log: Logger; codes: { phone: string; code: string }[] } {
  const codes: { phone: string; code: string }[] = [];
  const log: Logger = {
    debug: () => undefined,
    info: (msg, f) => {
      if (msg.startsWith('login code') && f) codes.push({ phone: String(f.phone), code: String(f.code) });
    },
    warn: () => undefined,
    error: (m, f) => console.error(m, f),
  };
  return { log, codes };
}
