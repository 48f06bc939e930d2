import { localName, type NameTranslations } from './Translations.ts';

/** The platform and the hall file may differ in width of brackets and in spaces: 企业开办(设立登记) is 企业开办（设立登记）. */
const sameName = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

/**
 * A case's 事项 in `lang`. A case from the province's platform names its item only as the platform
 * writes it (in Simplified): the hall's item of that name gives the translation (the first that has
 * one); an item the hall does not list keeps the platform's text.
 */
export function caseItemName(
  itemName: string,
  items: readonly { name: string; i18n?: NameTranslations | undefined }[],
  lang: string,
): string {
  if (lang !== 'zh-TW' && lang !== 'en') return itemName;
  const key = sameName(itemName);
  const item = items.find((i) => i.i18n?.[lang] && sameName(i.name) === key);
  return item ? localName(item, lang) : itemName;
}
