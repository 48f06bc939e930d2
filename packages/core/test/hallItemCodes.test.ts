// The 事项's own checks: its name, and the province's codes the 好差评 feed files ratings under — two
// items with one 事项编码 would be one item at the province; a code longer than the catalog allows is
// refused at its field; a department's 部门编码 differing between its items is said once.
import { describe, expect, it } from 'vitest';
import { checkHallDefinition, ITEM_CODE_MAX, type HallConfig } from '../src/index.ts';
import { clone, shippedHall } from './fixtures.ts';

const at = (def: HallConfig, path: string) =>
  checkHallDefinition(def)
    .filter((p) => p.path.join('.') === path)
    .map((p) => ({ code: p.code, params: p.params, severity: p.severity, message: p.message }));

describe('事项 codes and names', () => {
  it('the shipped halls check clean (no code yet, one per item)', () => {
    for (const name of ['yantai', 'qingdao', 'zhaoyuan'] as const)
      expect(checkHallDefinition(shippedHall(name)).filter((p) => p.path[1] === 'items')).toEqual([]);
  });

  it('two different items with the same 事项编码: an error at the second, naming the first', () => {
    const d = clone(shippedHall('yantai'));
    const [a, b] = d.catalog.items;
    a!.code = '11370600MB2855203L3370111009000';
    b!.code = ' 11370600MB2855203L3370111009000';
    expect(at(d, 'catalog.items.1.code')).toEqual([
      { code: 'itemCodeDuplicate', params: { code: '11370600MB2855203L3370111009000', name: a!.name, itemId: a!.id }, severity: 'error', message: `事项编码 11370600MB2855203L3370111009000 重复（「${a!.name}」已使用）` },
    ]);
    expect(at(d, 'catalog.items.0.code')).toEqual([]);
    b!.code = '11370600MB2855203L3370111009001';
    expect(at(d, 'catalog.items.1.code')).toEqual([]);
  });

  it('a code longer than the catalog allows, the item’s or its department’s, is refused at its field', () => {
    const d = clone(shippedHall('yantai'));
    d.catalog.items[0]!.code = '3'.repeat(ITEM_CODE_MAX + 1);
    d.catalog.items[0]!.departmentCode = 'X'.repeat(ITEM_CODE_MAX + 1);
    expect(at(d, 'catalog.items.0.code')).toMatchObject([{ code: 'codeTooLong', params: { max: ITEM_CODE_MAX }, severity: 'error' }]);
    expect(at(d, 'catalog.items.0.departmentCode').map((p) => p.code)).toContain('codeTooLong');
    d.catalog.items[0]!.code = '3'.repeat(ITEM_CODE_MAX);
    expect(at(d, 'catalog.items.0.code')).toEqual([]);
  });

  it('an item without a name is an error at its name', () => {
    const d = clone(shippedHall('zhaoyuan'));
    d.catalog.items[2]!.name = '  ';
    expect(at(d, 'catalog.items.2.name')).toMatchObject([{ code: 'itemNameEmpty', severity: 'error', message: '事项名称不能为空' }]);
  });

  it('a department whose items carry different 部门编码: one warning, at the first that differs', () => {
    const d = clone(shippedHall('yantai'));
    const dept = d.catalog.items[0]!.department!;
    const mine = d.catalog.items.map((it, i) => ({ it, i })).filter(({ it }) => it.department === dept);
    expect(mine.length).toBeGreaterThan(2);
    for (const { it } of mine) it.departmentCode = '11370600MB2855203L';
    expect(checkHallDefinition(d).filter((p) => p.code === 'departmentCodesDiffer')).toEqual([]);
    mine[1]!.it.departmentCode = '11370600MB28552XXX';
    delete mine[2]!.it.departmentCode;
    const ps = checkHallDefinition(d).filter((p) => p.code === 'departmentCodesDiffer');
    expect(ps).toMatchObject([{ path: ['catalog', 'items', mine[1]!.i, 'departmentCode'], severity: 'warning', params: { department: dept } }]);
  });
});
