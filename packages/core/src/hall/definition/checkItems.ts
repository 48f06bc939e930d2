import { ITEM_CODE_MAX } from '../../catalog/Catalog.ts';
import type { HallDefinition } from '../HallConfig.ts';
import { problem, type DefinitionProblem } from './DefinitionProblem.ts';

/**
 * The 事项 as the editor and the workbook give them: a name, and the province's codes the 好差评 feed
 * files every rating under (taskCode, deptCode). Two items with one 事项编码 would merge their ratings
 * at the province; a department is one 部门编码 on all its items (a differing one is a warning, once
 * per department, like its translations).
 */
export function checkItems(def: HallDefinition): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  const codeOwner = new Map<string, { id: string; name: string }>();
  const departmentCode = new Map<string, string>();
  const differs = new Set<string>();
  def.catalog.items.forEach((it, i) => {
    const at = ['catalog', 'items', i];
    if (it.name.trim() === '') out.push(problem([...at, 'name'], 'itemNameEmpty'));
    if (it.code !== undefined) {
      const code = it.code.trim();
      const owner = codeOwner.get(code);
      if (code.length > ITEM_CODE_MAX) out.push(problem([...at, 'code'], 'codeTooLong', { max: ITEM_CODE_MAX }));
      else if (owner !== undefined) out.push(problem([...at, 'code'], 'itemCodeDuplicate', { code, name: owner.name, itemId: owner.id }));
      else codeOwner.set(code, { id: it.id, name: it.name });
    }
    if (it.departmentCode !== undefined && it.departmentCode.trim().length > ITEM_CODE_MAX)
      out.push(problem([...at, 'departmentCode'], 'codeTooLong', { max: ITEM_CODE_MAX }));
    if (!it.department) return;
    const code = it.departmentCode?.trim() ?? '';
    const first = departmentCode.get(it.department);
    if (first === undefined) departmentCode.set(it.department, code);
    else if (first !== code && !differs.has(it.department)) {
      differs.add(it.department);
      out.push(problem([...at, 'departmentCode'], 'departmentCodesDiffer', { department: it.department }, 'warning'));
    }
  });
  return out;
}
