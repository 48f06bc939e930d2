// A case's 事项 and 实施部门 on the progress screens: the platform names it in Simplified; the hall file's item of
// that name gives its 繁體/English, the platform's text stays where the hall has none.
import { describe, expect, it } from 'vitest';
import { caseDepartment, caseItemName, departmentTranslations } from '../src/index.ts';
import { shippedHall } from './fixtures.ts';

const items = shippedHall('yantai').catalog.items;

describe('caseItemName', () => {
  it("names a case's item in the screen's language from the hall's item of that name", () => {
    expect(caseItemName('企业开办（设立登记）', items, 'en')).toBe('Business start-up registration');
    expect(caseItemName('企业开办（设立登记）', items, 'zh-TW')).toBe('企業開辦（設立登記）');
    expect(caseItemName('企业开办（设立登记）', items, 'zh-CN')).toBe('企业开办（设立登记）');
  });

  it('matches the platform writing half-width brackets or spaces', () => {
    expect(caseItemName('企业开办(设立登记)', items, 'en')).toBe('Business start-up registration');
    expect(caseItemName(' 住房公积金 提取', items, 'zh-TW')).toBe('住房公積金提取');
  });

  it("keeps the platform's text for an item the hall does not list or has not translated", () => {
    expect(caseItemName('某省级事项', items, 'en')).toBe('某省级事项');
    expect(caseItemName('住房公积金提取', [{ name: '住房公积金提取' }, { name: '住房公积金提取', i18n: { en: 'Fund withdrawal' } }], 'en')).toBe('Fund withdrawal');
    expect(caseItemName('住房公积金提取', [{ name: '住房公积金提取', i18n: { 'zh-TW': '住房公積金提取' } }], 'en')).toBe('住房公积金提取');
  });
});

describe('caseDepartment', () => {
  const departments = departmentTranslations(items);
  it("names a case's department from the hall's translation, matched as its items are (brackets' width, spaces)", () => {
    expect(caseDepartment('市行政审批服务局', departments, 'en')).toBe('Municipal Administrative Approval Service Bureau');
    expect(caseDepartment(' 市行政审批 服务局', departments, 'zh-TW')).toBe('市行政審批服務局');
    expect(caseDepartment('市行政审批服务局', departments, 'zh-CN')).toBe('市行政审批服务局');
    expect(caseDepartment('某省级部门', departments, 'en')).toBe('某省级部门');
    expect(caseDepartment('市行政审批服务局', undefined, 'en')).toBe('市行政审批服务局');
  });
});
