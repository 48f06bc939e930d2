// A zone's 楼层位置, an item's 实施部门 and a window's label in 繁體/English: optional in the schema
// (hall files and stored versions from before still read), checked at the field, shown with localText.
import { describe, expect, it } from 'vitest';
import {
  checkHallDefinition,
  departmentTranslations,
  HallConfigSchema,
  localName,
  localText,
  TRANSLATION_MAX,
  type HallConfig,
} from '../src/index.ts';
import { clone, shippedHall } from './fixtures.ts';

/** The definition as it was stored before these translations existed. */
function withoutTextTranslations(def: HallConfig): unknown {
  const d = clone(def);
  for (const z of d.catalog.zones) delete z.locationI18n;
  for (const i of d.catalog.items) delete i.departmentI18n;
  for (const w of d.windows) delete w.labelI18n;
  return d;
}

const codesAt = (def: HallConfig, path: string) =>
  checkHallDefinition(def)
    .filter((p) => p.path.join('.') === path)
    .map((p) => p.code);

describe('translations of 楼层位置, 实施部门 and window labels', () => {
  it('a hall file or stored version without them still reads and checks clean', () => {
    for (const name of ['yantai', 'qingdao', 'zhaoyuan'] as const) {
      const old = HallConfigSchema.parse(withoutTextTranslations(shippedHall(name)));
      expect(old.catalog.zones.some((z) => z.locationI18n)).toBe(false);
      expect(checkHallDefinition(old).filter((p) => p.severity === 'error')).toEqual([]);
    }
    // A version-1 document (one opening rule per category) with none of them, as the first centers stored.
    const v1 = withoutTextTranslations(shippedHall('zhaoyuan')) as { v: number; catalog: { categories: { openingHours: unknown[] }[] } };
    v1.v = 1;
    for (const c of v1.catalog.categories) c.openingHours = c.openingHours[0] as unknown[];
    expect(HallConfigSchema.safeParse(v1).success).toBe(true);
  });

  it('the shipped halls carry them: every location, department and label in 繁體 and English', () => {
    for (const name of ['yantai', 'qingdao', 'zhaoyuan'] as const) {
      const d = shippedHall(name);
      for (const z of d.catalog.zones) if (z.location) expect(z.locationI18n?.['zh-TW'] && z.locationI18n.en, `${name} ${z.id}`).toBeTruthy();
      for (const i of d.catalog.items) if (i.department) expect(i.departmentI18n?.['zh-TW'] && i.departmentI18n.en, `${name} ${i.id}`).toBeTruthy();
      for (const w of d.windows) if (w.label) expect(w.labelI18n?.['zh-TW'] && w.labelI18n.en, `${name} ${w.number}`).toBeTruthy();
    }
    const yantai = shippedHall('yantai');
    const zhzw = yantai.catalog.zones.find((z) => z.id === 'zhzw');
    expect(zhzw?.locationI18n).toEqual({ 'zh-TW': '一樓東廳', en: '1F, East Hall' });
    expect(departmentTranslations(yantai.catalog.items)['市行政审批服务局']).toEqual({
      'zh-TW': '市行政審批服務局',
      en: 'Municipal Administrative Approval Service Bureau',
    });
    const green = shippedHall('zhaoyuan').windows.find((w) => w.label === '绿色通道');
    expect(green?.labelI18n).toEqual({ 'zh-TW': '綠色通道', en: 'Green Channel' });
  });

  it('the schema refuses a blank or too long translation', () => {
    const d = clone(shippedHall('zhaoyuan'));
    const z = d.catalog.zones[0];
    const w = d.windows[0];
    const it = d.catalog.items[0];
    if (!z || !w || !it) throw new Error('empty hall');
    z.locationI18n = { en: '' };
    expect(HallConfigSchema.safeParse(d).success).toBe(false);
    z.locationI18n = { en: '   ' };
    expect(HallConfigSchema.safeParse(d).success).toBe(false);
    z.locationI18n = { en: 'x'.repeat(TRANSLATION_MAX.location + 1) };
    expect(HallConfigSchema.safeParse(d).success).toBe(false);
    z.locationI18n = { en: '1F, East Side' };
    w.label = '绿色通道';
    w.labelI18n = { en: 'y'.repeat(TRANSLATION_MAX.label + 1) };
    expect(HallConfigSchema.safeParse(d).error?.issues[0]?.path).toEqual(['windows', 0, 'labelI18n', 'en']);
    w.labelI18n = { en: 'Green Channel' };
    it.departmentI18n = { 'zh-TW': '' };
    expect(HallConfigSchema.safeParse(d).error?.issues[0]?.path).toEqual(['catalog', 'items', 0, 'departmentI18n', 'zh-TW']);
    delete it.departmentI18n;
    expect(HallConfigSchema.safeParse(d).success).toBe(true);
  });

  it('the editor\'s draft is checked at the field: blank, too long, or a translation of nothing', () => {
    const d = clone(shippedHall('zhaoyuan'));
    const [z0, z1] = d.catalog.zones;
    const w = d.windows[0];
    if (!z0 || !z1 || !w) throw new Error('empty hall');
    z0.locationI18n = { en: ' ' };
    z1.locationI18n = { 'zh-TW': '一'.repeat(TRANSLATION_MAX.location + 1) };
    delete w.label;
    w.labelI18n = { en: 'Green Channel' };
    expect(codesAt(d, 'catalog.zones.0.locationI18n.en')).toEqual(['translationEmpty']);
    expect(codesAt(d, 'catalog.zones.1.locationI18n.zh-TW')).toEqual(['translationTooLong']);
    expect(codesAt(d, 'windows.0.labelI18n.en')).toEqual(['translationWithoutText']);
    expect(checkHallDefinition(d).find((p) => p.code === 'translationTooLong')?.message).toBe(
      `译文不能超过 ${TRANSLATION_MAX.location} 个字符`,
    );
  });

  it('warns once when the items of one department translate it differently', () => {
    const d = clone(shippedHall('yantai'));
    const same = d.catalog.items.map((it, i) => ({ it, i })).filter(({ it }) => it.department === '市行政审批服务局');
    expect(same.length).toBeGreaterThan(2);
    for (const { it } of same.slice(1)) it.departmentI18n = { 'zh-TW': '市行政審批服務局', en: 'Approval Bureau' };
    const warnings = checkHallDefinition(d).filter((p) => p.code === 'departmentTranslationsDiffer');
    expect(warnings).toEqual([
      expect.objectContaining({ severity: 'warning', path: ['catalog', 'items', same[1]!.i, 'departmentI18n'], params: { department: '市行政审批服务局' } }),
    ]);
  });

  it('localText: the translation in zh-TW/en, the Simplified text where it has none, nothing for nothing', () => {
    const tr = { 'zh-TW': '一樓東廳', en: '1F, East Hall' };
    expect(localText('一楼东厅', tr, 'en')).toBe('1F, East Hall');
    expect(localText('一楼东厅', tr, 'zh-TW')).toBe('一樓東廳');
    expect(localText('一楼东厅', tr, 'zh-CN')).toBe('一楼东厅');
    expect(localText('一楼东厅', { 'zh-TW': '一樓東廳' }, 'en')).toBe('一楼东厅');
    expect(localText('一楼东厅', undefined, 'en')).toBe('一楼东厅');
    expect(localText(undefined, tr, 'en')).toBeUndefined();
    expect(localText(null, tr, 'en')).toBeNull();
    // localName is the same rule for names.
    expect(localName({ name: '综合政务区', i18n: { en: 'General Government Services' } }, 'en')).toBe('General Government Services');
  });
});
