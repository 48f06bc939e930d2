import { createI18n, type Language } from '@hallkit/ui/i18n/createI18n';
import zhCN from './zh-CN.ts';
import zhTW from './zh-TW.ts';
import en from './en.ts';

const saved = (localStorage.getItem('hallkit.lang') ?? 'zh-CN') as Language;
export const i18n = createI18n({ 'zh-CN': zhCN, 'zh-TW': zhTW, en }, saved);

export function setLanguage(l: Language): void {
  localStorage.setItem('hallkit.lang', l);
  void i18n.changeLanguage(l);
}
