// Pinyin → Chinese candidates for the on-screen keyboard (a kiosk has no system IME). The single
// characters are the 3,755 common characters of GB2312 level 1 (decoded from their byte range, so
// nothing is shipped twice); readings come from pinyin-pro. Phrases (service names, place names)
// the app passes in are offered first, matched by full pinyin or by initials (sb → 社保).
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
      return { text, full: s.join(''), initials: s.map((x) => x[0] ?? '').join('') };
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
      // Phrases: the whole composition is the phrase's pinyin (or its start), or its initials.
      for (const p of phrases) if (p.full === letters) push(p.text, input.length);
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
