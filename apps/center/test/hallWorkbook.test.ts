// The hall workbook: the three shipped halls export and re-import identically (.xlsx and CSV), and a
// workbook with each kind of error is refused with the right sheet, row and column — nothing applied.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { stable, type HallDefinition } from '@hallkit/core';
import { shippedHall, shippedHallPath } from '@hallkit/testkit';
import { definitionToSheets } from '../src/server/hall/workbook/definitionToSheets.ts';
import { previewImport } from '../src/server/hall/workbook/previewImport.ts';
import { sheetsToDefinition } from '../src/server/hall/workbook/sheetsToDefinition.ts';
import {
  readWorkbook,
  readWorkbookBuffer,
  writeWorkbook,
  writeWorkbookBuffer,
  type WorkbookSheets,
} from '../src/server/hall/workbook/WorkbookSheets.ts';
import { newHallDefinition } from '../src/server/hall/workbook/newHallDefinition.ts';
import { tempDir } from './support/centerHarness.ts';

const same = (a: HallDefinition | undefined, b: HallDefinition) => expect(stable(a)).toBe(stable(b));

function edit(sheets: WorkbookSheets, sheet: string, row: number, column: string, value: string): void {
  const r = sheets.get(sheet)?.rows.find((x) => x.row === row);
  if (!r) throw new Error(`${sheet} row ${row}`);
  r.cells.set(column, value);
}

describe('the hall workbook', () => {
  it('exports and re-imports the three shipped halls identically, as .xlsx and as CSV files', async () => {
    for (const name of ['yantai', 'qingdao', 'zhaoyuan'] as const) {
      const def = shippedHall(name);
      const back = sheetsToDefinition(
        await readWorkbookBuffer(await writeWorkbookBuffer(definitionToSheets(def))),
        def,
      );
      expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
      same(back.definition, def);
      // Into an empty center too: everything the hall is comes from the workbook.
      const fresh = sheetsToDefinition(definitionToSheets(def), newHallDefinition());
      expect(fresh.definition?.windows).toHaveLength(def.windows.length);
      expect(fresh.definition?.catalog.hall.name).toBe(def.catalog.hall.name);
    }
    const dir = join(tempDir(), 'zhaoyuan-csv');
    const def = shippedHall('zhaoyuan');
    await writeWorkbook(dir, definitionToSheets(def));
    const preview = previewImport(await readWorkbook(dir), def);
    expect(preview.ok).toBe(true);
    expect(preview.diff?.windows).toEqual({ added: [], changed: [], removed: [] });
    same(preview.definition, def);
  }, 120_000);

  it("carries the province's codes (区划代码, 实施清单编码, 部门编码) into an empty center, and an older workbook without them keeps the hall's", () => {
    const def = shippedHall('yantai');
    const [first, second] = def.catalog.items;
    const coded: HallDefinition = {
      ...def,
      catalog: {
        ...def.catalog,
        items: def.catalog.items.map((i) => (i === first ? { ...i, code: '11370600MB2855203L3370111009000', departmentCode: '11370600MB2855203L' } : i === second ? { ...i, code: '3706000000011' } : i)),
      },
    };
    expect(coded.catalog.hall.regionCode).toMatch(/^\d{12}$/);
    const fresh = sheetsToDefinition(definitionToSheets(coded), newHallDefinition());
    expect(fresh.definition?.catalog.hall.regionCode).toBe(coded.catalog.hall.regionCode);
    const firstBack = fresh.definition?.catalog.items.find((i) => i.id === first!.id);
    expect(firstBack).toMatchObject({ code: '11370600MB2855203L3370111009000', departmentCode: '11370600MB2855203L' });
    expect(fresh.definition?.catalog.items.find((i) => i.id === second!.id)?.code).toBe('3706000000011');

    // A workbook from before the code columns: the codes the hall has stay; a renamed item keeps its code.
    const old = definitionToSheets(coded);
    const items = old.get('事项')!;
    items.headers = items.headers.filter((h) => h !== '实施清单编码' && h !== '部门编码');
    for (const r of items.rows) {
      r.cells.delete('实施清单编码');
      r.cells.delete('部门编码');
    }
    edit(old, '事项', 2, '事项名称', '新名称');
    const back = sheetsToDefinition(old, coded);
    expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(back.definition?.catalog.items.find((i) => i.id === first!.id)).toMatchObject({ name: '新名称', code: '11370600MB2855203L3370111009000', departmentCode: '11370600MB2855203L' });
  });

  it('carries 楼层位置, 实施部门 and 标签 in 繁體 and English; a workbook without those columns keeps the hall\'s for an unchanged text; a bad one is refused at its cell', () => {
    const def = shippedHall('qingdao');
    const sheets = definitionToSheets(def);
    const zone = sheets.get('功能区')!.rows[0]!;
    expect(zone.cells.get('楼层位置(繁體)')).toBe(def.catalog.zones[0]!.locationI18n?.['zh-TW']);
    expect(sheets.get('事项')!.headers).toEqual(expect.arrayContaining(['实施部门(繁體)', '实施部门(English)']));
    const labelled = sheets.get('窗口')!.rows.find((r) => r.cells.get('标签') === '无差别受理')!;
    expect(labelled.cells.get('标签(English)')).toBe('All-services window');

    // Into an empty center: the translations come from the workbook alone.
    const fresh = sheetsToDefinition(sheets, newHallDefinition()).definition;
    expect(fresh?.catalog.zones.map((z) => z.locationI18n)).toEqual(def.catalog.zones.map((z) => z.locationI18n));
    expect(fresh?.catalog.items.map((i) => i.departmentI18n)).toEqual(def.catalog.items.map((i) => i.departmentI18n));
    expect(fresh?.windows.filter((w) => w.labelI18n?.en === 'All-services window')).toHaveLength(17);

    // A workbook from before the columns: the hall's translations stay where the Simplified text did.
    const old = definitionToSheets(def);
    for (const [sheet, column] of [['功能区', '楼层位置'], ['事项', '实施部门'], ['窗口', '标签']] as const) {
      const s = old.get(sheet)!;
      const gone = [`${column}(繁體)`, `${column}(English)`];
      s.headers = s.headers.filter((h) => !gone.includes(h));
      for (const r of s.rows) for (const h of gone) r.cells.delete(h);
    }
    edit(old, '功能区', 2, '楼层位置', '六楼');
    const back = sheetsToDefinition(old, def);
    expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(back.definition?.catalog.zones[0]?.locationI18n).toBeUndefined();
    expect(back.definition?.catalog.zones.slice(1)).toEqual(def.catalog.zones.slice(1));
    expect(back.definition?.catalog.items).toEqual(def.catalog.items);
    expect(back.definition?.windows).toEqual(def.windows);

    // Too long, and a translation of an empty 楼层位置: refused at the cell, nothing applied.
    const bad = definitionToSheets(def);
    edit(bad, '窗口', labelled.row, '标签(English)', 'x'.repeat(41));
    edit(bad, '功能区', 3, '楼层位置', '');
    const refused = sheetsToDefinition(bad, def);
    expect(refused.definition).toBeUndefined();
    expect(refused.problems.map((p) => [p.sheet, p.row, p.column])).toEqual(
      expect.arrayContaining([['窗口', labelled.row, '标签(English)']]),
    );
    const noText = definitionToSheets(def);
    edit(noText, '功能区', 3, '楼层位置', '');
    const refused2 = sheetsToDefinition(noText, def);
    expect(refused2.definition).toBeUndefined();
    expect(refused2.problems.filter((p) => p.severity === 'error').map((p) => [p.sheet, p.row, p.column, p.message])).toEqual([
      ['功能区', 3, '楼层位置(繁體)', '简体内容为空时不能只填译文'],
      ['功能区', 3, '楼层位置(English)', '简体内容为空时不能只填译文'],
    ]);
  });

  it("an office's own sheet without the 名称(繁體)/名称(English) columns keeps the hall's translated names where the Simplified name is unchanged, and the preview says so", () => {
    const def = shippedHall('qingdao');
    // Export → import says nothing about translations: every column is there.
    expect(previewImport(definitionToSheets(def), def).problems.filter((p) => p.code === 'translationsKept')).toEqual([]);

    const office = definitionToSheets(def);
    const gone = ['名称(繁體)', '名称(English)'];
    for (const sheet of ['功能区', '业务类别', '事项']) {
      const s = office.get(sheet)!;
      s.headers = s.headers.filter((h) => !gone.includes(h));
      for (const r of s.rows) for (const h of gone) r.cells.delete(h);
    }
    const renamed = def.catalog.items[1]!;
    expect(renamed.i18n?.en).toBeTruthy();
    edit(office, '事项', 3, '事项名称', '建设工程施工许可（新）');
    const p = previewImport(office, def);
    expect(p.ok).toBe(true);
    expect(p.definition?.catalog.zones).toEqual(def.catalog.zones);
    expect(p.definition?.catalog.categories).toEqual(def.catalog.categories);
    expect(p.definition?.catalog.items.filter((i) => i.id !== renamed.id)).toEqual(def.catalog.items.filter((i) => i.id !== renamed.id));
    // A renamed item's old translations would name another thing: it shows the Simplified name until translated.
    const back = p.definition?.catalog.items.find((i) => i.id === renamed.id);
    expect(back?.name).toBe('建设工程施工许可（新）');
    expect(back?.i18n).toBeUndefined();
    expect(p.diff?.items).toEqual({ added: [], changed: [renamed.id], removed: [] });
    // The preview says what happened to the translations, per sheet.
    const said = p.problems.filter((x) => x.code === 'translationsKept');
    expect(said.map((x) => [x.sheet, x.severity, x.params?.kept, x.params?.dropped])).toEqual([
      ['功能区', 'warning', def.catalog.zones.filter((z) => z.i18n).length, 0],
      ['业务类别', 'warning', def.catalog.categories.filter((c) => c.i18n).length, 0],
      ['事项', 'warning', def.catalog.items.filter((i) => i.i18n).length - 1, 1],
    ]);
    expect(said[2]?.message).toBe(`没有「名称(繁體)」「名称(English)」列：${def.catalog.items.filter((i) => i.i18n).length - 1} 行简体未改，保留原有译文；1 行简体已改，不再有译文`);

    // A column that is there with an empty cell still removes that translation (as before).
    const emptied = definitionToSheets(def);
    edit(emptied, '事项', 2, '名称(English)', '');
    const e = sheetsToDefinition(emptied, def).definition?.catalog.items[0];
    expect(e?.i18n).toEqual({ 'zh-TW': def.catalog.items[0]!.i18n?.['zh-TW'] });
  });

  it('refuses a workbook with each kind of error at its sheet, row and column, and applies nothing', () => {
    const def = shippedHall('zhaoyuan');
    const sheets = definitionToSheets(def, [
      { staffNo: 'ZY001', name: '王芳', windowIds: ['w1'], roles: ['staff'], row: 2 },
      { staffNo: 'ZY002', name: '李强', windowIds: ['w2'], roles: ['staff'], row: 3 },
    ]);
    edit(sheets, '业务类别', 3, '前缀', 'A'); // a duplicate prefix
    edit(sheets, '业务类别', 4, '办理时间', '周一至周五 8:30-12:60'); // a malformed time
    edit(sheets, '窗口', 5, '业务类别前缀', 'A、X'); // a window serving an unknown category
    edit(sheets, '人员', 3, '工号', 'ZY001'); // a 工号 twice
    edit(sheets, '人员', 2, '可登录窗口', '1-17、x'); // a bad range
    edit(sheets, '人员', 3, '角色', '科长'); // an unknown role
    edit(sheets, '节假日', 2, '类型', '假');
    const p = previewImport(sheets, def);
    expect(p.ok).toBe(false);
    expect(p.definition).toBeUndefined();
    const at = p.problems.filter((x) => x.severity === 'error').map((x) => `${x.sheet}/${x.row}/${x.column}`);
    expect(at).toEqual(
      expect.arrayContaining([
        '业务类别/3/前缀',
        '业务类别/4/办理时间',
        '窗口/5/业务类别前缀',
        '人员/3/工号',
        '人员/2/可登录窗口',
        '人员/3/角色',
        '节假日/2/类型',
      ]),
    );
    expect(p.problems.find((x) => x.sheet === '窗口')?.message).toBe(
      '窗口办理的业务类别 X 在「业务类别」表中不存在',
    );
    expect(p.problems.find((x) => x.column === '办理时间')?.message).toContain('格式不对');
  });

  it('gives hall IT a command line: check exits 0 valid, 1 invalid, 2 unusable', async () => {
    const cli = join(import.meta.dirname, '../src/cli/main.ts');
    const run = async (...args: string[]) => {
      try {
        const r = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, ...args], {
          cwd: join(import.meta.dirname, '../../..'),
        });
        return { code: 0, out: r.stdout };
      } catch (e) {
        const x = e as { code: number; stdout: string };
        return { code: x.code, out: x.stdout };
      }
    };
    const dir = tempDir();
    const good = join(dir, 'yantai.xlsx');
    expect((await run('hall', 'export', good, '--from', shippedHallPath('yantai'))).code).toBe(0);
    const ok = await run('hall', 'check', good, '--json', '--base', shippedHallPath('yantai'));
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, counts: { 窗口: 289 } });
    const sheets = await readWorkbook(good);
    edit(sheets, '窗口', 2, '叫号规则', '随便');
    const bad = join(dir, 'bad.xlsx');
    await writeWorkbook(bad, sheets);
    const refused = await run('hall', 'check', bad, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out).problems).toContainEqual(
      expect.objectContaining({ sheet: '窗口', row: 2, column: '叫号规则' }),
    );
    expect((await run('hall', 'check', join(dir, 'missing.xlsx'))).code).toBe(2);
  }, 120_000);
});
