import { describe, expect, it } from 'vitest';
import { createPinyinIndex } from '../src/keyboard/pinyinIndex.ts';
import { IdleClock } from '../src/idle/IdleClock.ts';

describe('pinyin candidates for the on-screen keyboard', () => {
  const index = createPinyinIndex({ phrases: ['社保就业', '公积金', '不动产登记'] });

  it('offers the characters of a full syllable, common ones from GB2312 level 1', () => {
    const c = index.candidates('zhang').map((x) => x.text);
    expect(c).toContain('张');
    expect(c).toContain('章');
    expect(index.candidates('zhang')[0]?.consumed).toBe(5);
  });

  it('offers phrases by full pinyin and by initials, before single characters', () => {
    expect(index.candidates('shebao').map((x) => x.text).slice(0, 2)).toEqual(['社保', '社保就业']);
    expect(index.candidates('gjj')[0]).toEqual({ text: '公积金', consumed: 3 });
    expect(index.candidates('budongchan').map((x) => x.text).slice(0, 2)).toEqual(['不动产', '不动产登记']);
    expect(index.candidates('jiuye').map((x) => x.text).slice(0, 2)).toEqual(['就业', '社保就业']);
  });

  it('takes the first syllable of a longer input and leaves the rest', () => {
    const first = index.candidates('wangming')[0];
    expect(first?.consumed).toBe(4);
    expect(index.candidates('wangming').map((x) => x.text)).toContain('王');
    expect(index.candidates("xi'an").find((x) => x.text === '西')?.consumed).toBe(3);
  });

  it('completes a syllable still being typed and ignores what is not a letter', () => {
    expect(index.candidates('zhon').map((x) => x.text)).toContain('中');
    expect(index.candidates('zh').map((x) => x.text)).toContain('中');
    expect(index.candidates('12!')).toEqual([]);
    expect(index.candidates('')).toEqual([]);
  });
});

describe('idle clock', () => {
  it('counts down from the last touch and expires', () => {
    const c = new IdleClock(30, 0);
    expect(c.remaining(0)).toBe(30);
    expect(c.remaining(10_500)).toBe(20);
    c.touch(20_000);
    expect(c.remaining(49_000)).toBe(1);
    expect(c.expired(49_999)).toBe(false);
    expect(c.expired(50_000)).toBe(true);
    expect(c.remaining(90_000)).toBe(0);
    expect(() => new IdleClock(0, 0)).toThrow(RangeError);
  });
});

describe('pinyin words inside the hall\'s names', () => {
  const index = createPinyinIndex({ phrases: ['社保就业', '医保参保登记', '城乡居民养老保险参保登记', '失业保险金申领'] });

  it('"shebao" offers the word 社保 first, then the names it starts — not single characters only', () => {
    const c = index.candidates('shebao').map((x) => x.text);
    expect(c[0]).toBe('社保');
    expect(c[1]).toBe('社保就业');
    expect(index.candidates('shebao')[0]?.consumed).toBe(6);
  });

  it('offers words from the middle of a name (参保, 养老) and an unfinished last syllable', () => {
    expect(index.candidates('canbao').map((x) => x.text)[0]).toBe('参保');
    expect(index.candidates('yanglao').map((x) => x.text)[0]).toBe('养老');
    expect(index.candidates('yanglaob').map((x) => x.text)).toContain('养老保');
    expect(index.candidates('baoxian').map((x) => x.text)[0]).toBe('保险');
  });
});
