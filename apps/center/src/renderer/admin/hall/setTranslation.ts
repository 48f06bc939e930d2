import type { NameTranslations } from '@hallkit/core';

/** The translations with one language set or cleared; undefined once none is left. */
export function withTranslation(tr: NameTranslations | undefined, lang: 'zh-TW' | 'en', value: string): NameTranslations | undefined {
  const next: NameTranslations = { ...(tr ?? {}) };
  if (value.trim()) next[lang] = value;
  else delete next[lang];
  return Object.keys(next).length ? next : undefined;
}

/** Set or clear one translation, dropping an empty i18n object (the file stays as hall IT wrote it). */
export function setTranslation(x: { i18n?: NameTranslations | undefined }, lang: 'zh-TW' | 'en', value: string): void {
  const i18n = withTranslation(x.i18n, lang, value);
  if (i18n) x.i18n = i18n;
  else delete x.i18n;
}
