// The shipped clips are real Mandarin and are exactly what the clip script renders: every clip is
// rendered again (espeak-ng cmn-latn-pinyin + sox) and compared byte for byte with the committed one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { callAnnouncement } from '@hallkit/core';
import { Espeak, fallbackLanguages, speechInput } from '@hallkit/host';
import { measureAudio } from '@hallkit/testkit';
import { renderShippedClips, sox } from '../src/host/clips/shippedClips.ts';

const COMMITTED = fileURLToPath(new URL('../src/renderer/public/clips', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'clips-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('shipped voice clips', () => {
  it('the check sees the broken cmn voice fall back to English (请 → "king three")', () => {
    const broken = execFileSync('espeak-ng', ['-v', 'cmn', '-q', '-x', '请']).toString();
    expect(fallbackLanguages(broken)).toEqual(['en']);
    const good = execFileSync('espeak-ng', ['-v', 'cmn-latn-pinyin', '-q', '-x', speechInput('请', 'zh-CN')]).toString();
    expect(fallbackLanguages(good)).toEqual([]);
  });

  it('strict rendering refuses text that espeak-ng would read in English', async () => {
    await expect(new Espeak().render('请 hello 办理', 'zh-CN', { strict: true })).rejects.toThrow(/instead of Mandarin/);
  });

  it('renders again byte-identical to the committed clips, all in Mandarin pinyin phonemes', { timeout: 120_000 }, async () => {
    const out = join(tmp, 'render');
    const clips = await renderShippedClips(out);
    for (const lang of ['zh-CN', 'en']) {
      const committed = readdirSync(join(COMMITTED, lang)).sort();
      expect(readdirSync(join(out, lang)).sort()).toEqual(committed);
      for (const f of committed) {
        expect(readFileSync(join(out, lang, f)).equals(readFileSync(join(COMMITTED, lang, f))), `${lang}/${f} differs from a fresh render`).toBe(true);
      }
    }
    const zh = clips.filter((c) => c.lang === 'zh-CN');
    for (const c of zh) {
      expect(c.phonemes, `${c.token}`).not.toMatch(/\(/);
      // Mandarin tone contours (55, 35, 214/21, 51) on every syllable, none of English's stress-only marks.
      expect(c.phonemes, `${c.token}`).toMatch(/(55|35|214|21|51|33)/);
    }
    expect(zh.find((c) => c.token === '请')?.phonemes).toBe("tS;h'i214N_|");
    expect(zh.find((c) => c.token === '号窗口')?.input).toBe('hao4 chuang1 kou3');
  });

  it('an announcement joined from the clips is 2–6 s of speech without a pause longer than 0.3 s', { timeout: 60_000 }, async () => {
    const figures: string[] = [];
    for (const [number, win] of [['A001', 5], ['B123', 18], ['Z999', 105]] as const) {
      const a = callAnnouncement(number, win);
      const files = a.tokens.map((t) => join(COMMITTED, 'zh-CN', `${t}.ogg`));
      const joined = join(tmp, `${number}-${win}.wav`);
      await sox([...files, joined]);
      const m = measureAudio(joined);
      figures.push(`${a.text}: ${m.seconds.toFixed(2)} s, lead ${m.leadingSilence.toFixed(2)} s, tail ${m.trailingSilence.toFixed(2)} s, longest pause ${m.longestGap.toFixed(2)} s`);
      expect(m.seconds).toBeGreaterThan(2);
      expect(m.seconds).toBeLessThan(6);
      expect(m.leadingSilence).toBeLessThan(0.1);
      expect(m.longestGap).toBeLessThan(0.3);
      expect(m.silentShare).toBeLessThan(0.35);
    }
    writeFileSync(join(tmp, 'figures.txt'), figures.join('\n'));
    console.log(figures.join('\n'));
  });
});
