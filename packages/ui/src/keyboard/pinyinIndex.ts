// Pinyin → Chinese candidates for the on-screen keyboard (a kiosk has no system IME). The single
// characters are the 3,755 common characters of GB2312 level 1 (decoded from their byte range, so
// nothing is shipped twice); readings come from pinyin-pro. Phrases (service names, place names)
// the app passes in are offered first, matched by full pinyin or by initials (sb → 社保), and so are
// the words inside them: "shebao" offers 社保 (from 社保就业) before the whole names, as an IME would.
import { pinyin } from 'pinyin-pro';

export interface PinyinCandidate {
  text: string;
  /** How many letters of the composition this candidate uses up. */
  consumed: number;
}

export interface PinyinIndex {
  /** Candidates for the letters typed so far (a–z, `'` as a syllable separator), best first. */
  candidates(input: string, limit?: number): PinyinCandidate[];
}

function commonCharacters(): string[] {
  const bytes: number[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) if (!(hi === 0xd7 && lo > 0xf9)) bytes.push(hi, lo);
  return [...new TextDecoder('gb18030').decode(Uint8Array.from(bytes))];
}

interface Phrase {
  text: string;
  full: string;
  initials: string;
  /** One reading per character (non-Han characters such as （ keep themselves). */
  syllables: string[];
}

/**
 * The words of the phrases the input spells out syllable by syllable: "shebao" → 社保 in 社保就业,
 * "canbao" → 参保 in 医保参保登记. At least two characters; the last syllable may be unfinished
 * ("shebaoj" → 社保就), offered after the words spelled in full.
 */
function wordsSpelled(phrases: readonly Phrase[], letters: string): string[] {
  const found = new Map<string, number>();
  for (const p of phrases) {
    const chars = [...p.text];
    for (let start = 0; start < p.syllables.length; start++) {
      let rest = letters;
      for (let end = start; end < p.syllables.length && rest; end++) {
        const syl = p.syllables[end] ?? '';
        if (!/^[a-z]+$/.test(syl)) break;
        let unfinished = 0;
        if (rest.startsWith(syl)) rest = rest.slice(syl.length);
        else if (syl.startsWith(rest) && end > start) {
          rest = '';
          unfinished = 1;
        } else break;
        if (!rest && end > start) {
          const word = chars.slice(start, end + 1).join('');
          found.set(word, Math.min(found.get(word) ?? 1, unfinished));
          break;
        }
      }
    }
  }
  return [...found.entries()].sort((a, b) => a[1] - b[1]).map(([w]) => w);
}

export function createPinyinIndex(opts: { phrases?: readonly string[]; characters?: readonly string[] } = {}): PinyinIndex {
  const bySyllable = new Map<string, string[]>();
  const chars = opts.characters ?? commonCharacters();
  for (const ch of chars) {
    const readings = pinyin(ch, { toneType: 'none', multiple: true, type: 'array' });
    for (const r of new Set(readings.map((x) => x.toLowerCase().replace('ü', 'v')))) {
      let list = bySyllable.get(r);
      if (!list) bySyllable.set(r, (list = []));
      list.push(ch);
    }
  }
  const syllables = [...bySyllable.keys()];
  const phrases: Phrase[] = [...new Set(opts.phrases ?? [])]
    .filter((p) => p.length > 1)
    .map((text) => {
      const s = pinyin(text, { toneType: 'none', type: 'array' }).map((x) => x.toLowerCase().replace('ü', 'v'));
      return { text, full: s.join(''), initials: s.map((x) => x[0] ?? '').join(''), syllables: s };
    });

  return {
    candidates(raw, limit = 30) {
      const input = raw.toLowerCase().replace(/[^a-z']/g, '');
      const letters = input.replace(/'/g, '');
      if (!letters) return [];
      const out: PinyinCandidate[] = [];
      const seen = new Set<string>();
      const push = (text: string, consumed: number) => {
        if (seen.has(text) || out.length >= limit) return;
        seen.add(text);
        out.push({ text, consumed });
      };
      // Phrases: the whole composition is the phrase's pinyin (or its start), or its initials; a word
      // inside a phrase spelled out exactly comes first (shebao → 社保, then 社保就业).
      for (const p of phrases) if (p.full === letters) push(p.text, input.length);
      if (letters.length >= 4) for (const w of wordsSpelled(phrases, letters)) push(w, input.length);
      for (const p of phrases) if (letters.length >= 2 && (p.full.startsWith(letters) || p.initials.startsWith(letters))) push(p.text, input.length);
      // A word inside the phrase (yanglao → 城乡居民养老保险参保登记), from four letters on.
      for (const p of phrases) if (letters.length >= 4 && p.full.includes(letters)) push(p.text, input.length);
      // Single characters for the first syllable: the longest syllable the input starts with.
      const sep = input.indexOf("'");
      const head = sep >= 0 ? input.slice(0, sep) : input;
      let first = '';
      for (let n = Math.min(6, head.length); n > 0; n--) {
        if (bySyllable.has(head.slice(0, n))) {
          first = head.slice(0, n);
          break;
        }
      }
      const consumed = first ? first.length + (input[first.length] === "'" ? 1 : 0) : 0;
      if (first) for (const ch of bySyllable.get(first) ?? []) push(ch, consumed);
      // Still typing a syllable (zh → zhang, zhe, …): characters of every syllable it begins.
      // Round-robin over those syllables so that each shows its first characters within the limit.
      if (first.length < head.length || !first) {
        const lists = syllables.filter((s) => s.startsWith(head) && s !== first).map((s) => bySyllable.get(s) ?? []);
        const used = head.length + (sep >= 0 ? 1 : 0);
        for (let i = 0; out.length < limit && lists.some((l) => i < l.length); i++) for (const l of lists) if (l[i]) push(l[i] as string, used);
      }
      return out;
    },
  };
}
