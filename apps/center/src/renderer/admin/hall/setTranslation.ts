import type { NameTranslations } from '@hallkit/core';

/** Set or clear one translation, dropping an empty i18n object (the file stays as hall IT wrote it). */
export function setTranslation(x: { i18n?: NameTranslations | undefined }, lang: 'zh-TW' | 'en', value: string): void {
  const i18n: NameTranslations = { ...(x.i18n ?? {}) };
  if (value.trim()) i18n[lang] = value;
  else delete i18n[lang];
  if (Object.keys(i18n).length) x.i18n = i18n;
  else delete x.i18n;
}
