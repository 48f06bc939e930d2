// An estimate under a minute reads as "no wait" / "called soon", never "约 0 分钟", on the desk and
// the phone pages, in every language; real estimates still read as minutes.
import { describe, expect, it } from 'vitest';
import { createI18n, LANGUAGES } from '@hallkit/ui/i18n/createI18n';
import { waitOptions } from '@hallkit/ui/i18n/waitOptions';
import { deskText } from '../src/renderer/desk/deskText.ts';
import zhCN from '../src/renderer/mobile/i18n/zh-CN.ts';
import zhTW from '../src/renderer/mobile/i18n/zh-TW.ts';
import en from '../src/renderer/mobile/i18n/en.ts';

const zeroMinutes = /(^|\D)0\s*(分|min)/;

describe('estimated wait wording', () => {
  const desk = createI18n(deskText);
  const mobile = createI18n({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
  const cases: [typeof desk, string][] = [
    [desk, 'desk.waitMinutes'],
    [desk, 'desk.slipWait'],
    [mobile, 'follow.estimate'],
    [mobile, 'queue.estimate'],
  ];
  for (const { code } of LANGUAGES)
    it(`${code}: under a minute is worded, not "0 minutes"; 7.6 minutes reads 8`, async () => {
      for (const [i18n, key] of cases) {
        await i18n.changeLanguage(code);
        for (const m of [0, 0.2, 0.49]) {
          const s = i18n.t(key, waitOptions(m));
          expect(s, `${key} ${m}`).not.toMatch(zeroMinutes);
          expect(s, `${key} ${m}`).not.toContain('{{');
          expect(s, `${key} ${m}`).not.toBe(key);
        }
        expect(i18n.t(key, waitOptions(7.6))).toMatch(/8/);
      }
    });
});
