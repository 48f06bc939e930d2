import { createI18n, type Language } from '@hallkit/ui/i18n/createI18n';
import zhCN from './zh-CN.ts';
import zhTW from './zh-TW.ts';
import en from './en.ts';
import { counterText } from '../console/counterText.ts';

const saved = (localStorage.getItem('hallkit.lang') ?? 'zh-CN') as Language;
/** The window console's own words join each language; its refusal codes join `error`. */
const withCounter = <T extends { error: object }>(base: T, c: (typeof counterText)[keyof typeof counterText]) => ({
  ...base,
  counter: c.counter,
  outcome: c.outcome,
  error: { ...base.error, ...c.counterError },
});
export const i18n = createI18n(
  { 'zh-CN': withCounter(zhCN, counterText['zh-CN']), 'zh-TW': withCounter(zhTW, counterText['zh-TW']), en: withCounter(en, counterText.en) },
  saved,
);

export function setLanguage(l: Language): void {
  localStorage.setItem('hallkit.lang', l);
  void i18n.changeLanguage(l);
}
