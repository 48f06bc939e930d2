import type { NameTranslations } from './Translations.ts';

/**
 * Each 实施部门 the catalog names, with the 繁體/English its items give it (the first item that has
 * any). A case from the province's platform names only the department: this is how a progress screen
 * finds its translation.
 */
export function departmentTranslations(
  items: readonly { department?: string | null | undefined; departmentI18n?: NameTranslations | undefined }[],
): Map<string, NameTranslations> {
  const out = new Map<string, NameTranslations>();
  for (const it of items)
    if (it.department && it.departmentI18n && !out.has(it.department)) out.set(it.department, it.departmentI18n);
  return out;
}
