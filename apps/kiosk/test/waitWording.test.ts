// The kiosk's tiles, ticket screen and printed slip never say "约 0 分钟" for an estimate under a minute.
import { describe, expect, it } from 'vitest';
import { createI18n, LANGUAGES } from '@hallkit/ui/i18n/createI18n';
import { waitOptions } from '@hallkit/ui/i18n/waitOptions';
import zhCN from '../src/renderer/i18n/zh-CN.json' with { type: 'json' };
import zhTW from '../src/renderer/i18n/zh-TW.json' with { type: 'json' };
import en from '../src/renderer/i18n/en.json' with { type: 'json' };
import { SLIP_LABELS } from '../src/host/slips.ts';

const zeroMinutes = /(^|\D)0\s*(分|min)/;

describe('kiosk estimated wait wording', () => {
  const i18n = createI18n({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
  for (const { code } of LANGUAGES)
    it(`${code}: screen and slip`, async () => {
      await i18n.changeLanguage(code);
      for (const key of ['take.wait', 'ticket.wait']) {
        for (const m of [0, 0.3]) {
          const s = i18n.t(key, waitOptions(m, 'm'));
          expect(s, key).not.toMatch(zeroMinutes);
          expect(s, key).not.toContain('{{');
        }
        expect(i18n.t(key, waitOptions(11.7, 'm'))).toMatch(/12/);
      }
      expect(SLIP_LABELS[code].estimatedWait(0.2)).not.toMatch(zeroMinutes);
      expect(SLIP_LABELS[code].estimatedWait(11.7)).toMatch(/12/);
    });
});
