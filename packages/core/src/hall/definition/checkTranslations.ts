import { TRANSLATION_MAX, type NameTranslations } from '../../catalog/Translations.ts';
import type { HallDefinition } from '../HallConfig.ts';
import { problem, type DefinitionProblem } from './DefinitionProblem.ts';

/**
 * The translations of a zone's 楼层位置, an item's 实施部门 and a window's label, checked as the
 * editor types them (the schema refuses the same on save): not blank, not longer than a screen holds,
 * and not a translation of nothing — screens show a translation only in place of its Simplified text.
 */
export function checkTranslations(def: HallDefinition): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  const check = (at: (string | number)[], text: string | undefined, tr: NameTranslations | undefined, max: number) => {
    if (!tr) return;
    for (const lang of ['zh-TW', 'en'] as const) {
      const v = tr[lang];
      if (v === undefined) continue;
      if (v.trim() === '') out.push(problem([...at, lang], 'translationEmpty'));
      else if (v.trim().length > max) out.push(problem([...at, lang], 'translationTooLong', { max }));
      else if (!text?.trim()) out.push(problem([...at, lang], 'translationWithoutText'));
    }
  };
  def.catalog.zones.forEach((z, i) =>
    check(['catalog', 'zones', i, 'locationI18n'], z.location, z.locationI18n, TRANSLATION_MAX.location),
  );
  def.catalog.items.forEach((it, i) =>
    check(['catalog', 'items', i, 'departmentI18n'], it.department, it.departmentI18n, TRANSLATION_MAX.department),
  );
  def.windows.forEach((w, i) => check(['windows', i, 'labelI18n'], w.label, w.labelI18n, TRANSLATION_MAX.label));
  return out;
}
