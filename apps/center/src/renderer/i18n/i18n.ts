import { createI18n, type Language } from '@hallkit/ui/i18n/createI18n';
import zhCN from './zh-CN.ts';
import zhTW from './zh-TW.ts';
import en from './en.ts';
import { counterText } from '../console/counterText.ts';
import { deskText } from '../desk/deskText.ts';
import { setupText } from '../common/setupText.ts';
import { hallEditorText } from '../admin/hall/hallEditorText.ts';
import { dayText } from '../admin/dayText.ts';
import { appealText } from '../admin/appealText.ts';

const saved = (localStorage.getItem('hallkit.lang') ?? 'zh-CN') as Language;
/** The window console's, the desk's and the hall editor's own words join each language; the counter's refusal codes join `error`. */
const withCounter = <T extends { error: object }>(lang: keyof typeof setupText, base: T, c: (typeof counterText)[keyof typeof counterText], d: (typeof deskText)[keyof typeof deskText]) => ({
  ...base,
  counter: c.counter,
  hallEditor: hallEditorText[lang],
  outcome: c.outcome,
  offDuty: c.offDuty,
  error: { ...base.error, ...c.counterError, ...appealText[lang].appealError },
  appeal: appealText[lang].appeal,
  desk: d.desk,
  deskError: d.deskError,
  setup: setupText[lang],
  ...dayText[lang],
});
export const i18n = createI18n(
  { 'zh-CN': withCounter('zh-CN', zhCN, counterText['zh-CN'], deskText['zh-CN']), 'zh-TW': withCounter('zh-TW', zhTW, counterText['zh-TW'], deskText['zh-TW']), en: withCounter('en', en, counterText.en, deskText.en) },
  saved,
);

export function setLanguage(l: Language): void {
  localStorage.setItem('hallkit.lang', l);
  void i18n.changeLanguage(l);
}
