// A case from the province's platform names its 事项 and 实施部门 only as the platform writes them
// (Simplified). The progress screens find their 繁體/English in the hall file by that text, matched
// one way for both: the platform and the hall file may differ in the width of brackets and in spaces
// (企业开办(设立登记) is 企业开办（设立登记）).
import { localName, localText, type NameTranslations } from './Translations.ts';

const platformKey = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** A case's 事项 in `lang`: the hall's item of that name (the first translated one), else the platform's text. */
export function caseItemName(
  itemName: string,
  items: readonly { name: string; i18n?: NameTranslations | undefined }[],
  lang: string,
): string {
  if (lang !== 'zh-TW' && lang !== 'en') return itemName;
  const key = platformKey(itemName);
  const item = items.find((i) => i.i18n?.[lang] && platformKey(i.name) === key);
  return item ? localName(item, lang) : itemName;
}

/**
 * Each 实施部门 the catalog names, with the 繁體/English its items give it (the first item that has
 * any), keyed for `caseDepartment` — small enough to hand a device instead of every item.
 */
export function departmentTranslations(
  items: readonly { department?: string | null | undefined; departmentI18n?: NameTranslations | undefined }[],
): Record<string, NameTranslations> {
  const out: Record<string, NameTranslations> = {};
  for (const it of items) {
    if (!it.department || !it.departmentI18n) continue;
    const key = platformKey(it.department);
    out[key] ??= it.departmentI18n;
  }
  return out;
}

/** A case's 实施部门 in `lang`, from `departmentTranslations`; the platform's text where the hall has none. */
export function caseDepartment(department: string, translations: Readonly<Record<string, NameTranslations>> | undefined, lang: string): string {
  return localText(department, translations?.[platformKey(department)], lang);
}
