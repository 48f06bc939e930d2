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
  // A department is one text on many items: items that translate it differently are named once, as a
  // warning (a case that names only its department shows the first item's translation).
  const firstOf = new Map<string, string>();
  const differs = new Set<string>();
  def.catalog.items.forEach((it, i) => {
    check(['catalog', 'items', i, 'departmentI18n'], it.department, it.departmentI18n, TRANSLATION_MAX.department);
    if (!it.department) return;
    const tr = `${it.departmentI18n?.['zh-TW'] ?? ''}\n${it.departmentI18n?.en ?? ''}`;
    const first = firstOf.get(it.department);
    if (first === undefined) firstOf.set(it.department, tr);
    else if (first !== tr && !differs.has(it.department)) {
      differs.add(it.department);
      out.push(problem(['catalog', 'items', i, 'departmentI18n'], 'departmentTranslationsDiffer', { department: it.department }, 'warning'));
    }
  });
  def.windows.forEach((w, i) => check(['windows', i, 'labelI18n'], w.label, w.labelI18n, TRANSLATION_MAX.label));
  return out;
}
