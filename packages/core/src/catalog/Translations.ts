import { z } from 'zod';

/**
 * A name in the hall's other languages. The definition's names are Simplified Chinese; 繁體 and
 * English screens show these and fall back to the Simplified name where one is missing.
 */
export const NameTranslationsSchema = z.object({
  'zh-TW': z.string().trim().min(1).optional(),
  en: z.string().trim().min(1).optional(),
});
export type NameTranslations = z.infer<typeof NameTranslationsSchema>;

export type ScreenLanguage = 'zh-CN' | 'zh-TW' | 'en';

/** The name to show in `lang`: the translation when the definition has one, else the Simplified name. */
export function localName(
  named: { name: string; i18n?: NameTranslations | undefined },
  lang: string,
): string {
  if (lang === 'zh-TW' || lang === 'en') return named.i18n?.[lang] ?? named.name;
  return named.name;
}
