import i18next, { type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** The UI languages: Simplified Chinese first; Traditional Chinese and English switchable. */
export const LANGUAGES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'zh-TW', label: '繁體中文' },
  { code: 'en', label: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

/**
 * One i18next instance per app, from that app's message files. Missing keys fall back to
 * Simplified Chinese, never to the raw key, so a half-translated build still reads correctly.
 */
export function createI18n(resources: Record<Language, Record<string, unknown>>, lng: Language = 'zh-CN'): i18n {
  const instance = i18next.createInstance();
  const res: Resource = {};
  for (const [code, messages] of Object.entries(resources)) res[code] = { translation: messages as Record<string, string> };
  void instance.use(initReactI18next).init({
    resources: res,
    lng,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
    showSupportNotice: false, // i18next's console advert, once per instance
  });
  return instance;
}
