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

/** How long a translation of each of the definition's other texts may be (English takes more room). */
export const TRANSLATION_MAX = {
  /** A zone's 楼层位置: 「一楼东厅」, "1F, East Hall". */
  location: 60,
  /** An item's 实施部门: "Municipal Housing Provident Fund Management Center". */
  department: 100,
  /** A window's label (the Simplified label itself is at most 20): "All-services window". */
  label: 40,
} as const;

/**
 * The same shape for the definition's other texts (a zone's 楼层位置, an item's 实施部门, a window's
 * label), bounded so a ticket line, a board or a picker row still holds them.
 */
export function textTranslationsSchema(max: number) {
  return z.object({
    'zh-TW': z.string().trim().min(1).max(max).optional(),
    en: z.string().trim().min(1).max(max).optional(),
  });
}

export type ScreenLanguage = 'zh-CN' | 'zh-TW' | 'en';

/**
 * A Simplified text of the definition in `lang`: its translation when there is one, else the text
 * itself (undefined stays undefined, so an absent location shows nothing in every language).
 */
export function localText<T extends string | undefined | null>(
  text: T,
  translations: NameTranslations | undefined,
  lang: string,
): T | string {
  if (text === undefined || text === null || text === '') return text;
  if (lang === 'zh-TW' || lang === 'en') return translations?.[lang] ?? text;
  return text;
}

/** The name to show in `lang`: the translation when the definition has one, else the Simplified name. */
export function localName(
  named: { name: string; i18n?: NameTranslations | undefined },
  lang: string,
): string {
  return localText(named.name, named.i18n, lang);
}
