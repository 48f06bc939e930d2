// The phone pages' own i18n instance (zh-CN first; zh-TW and English switchable; remembered).
import { createI18n, type Language } from '@hallkit/ui/i18n/createI18n';
import zhCN from './zh-CN.ts';
import zhTW from './zh-TW.ts';
import en from './en.ts';

const KEY = 'hallkit.m.lang';
const saved = (localStorage.getItem(KEY) ?? 'zh-CN') as Language;
export const mobileI18n = createI18n({ 'zh-CN': zhCN, 'zh-TW': zhTW, en }, saved);

export function setMobileLanguage(l: Language): void {
  localStorage.setItem(KEY, l);
  void mobileI18n.changeLanguage(l);
}
