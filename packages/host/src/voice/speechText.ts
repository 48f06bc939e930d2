// What espeak-ng is given to read. Its Mandarin voice that works on Debian is `cmn-latn-pinyin`,
// which reads pinyin with tone digits; Hanzi go through pinyin-pro first so polyphonic characters
// (银行/行动) are read by their word, not by espeak-ng's own guess. The plain `cmn` voice reads tone
// digits in English ("king three" for 请) and must never be used (docs/voice.md).
import { pinyin } from 'pinyin-pro';

export type SpeechLanguage = 'zh-CN' | 'zh-TW' | 'en';

/** espeak-ng voice per language: both Chinese scripts are read as Mandarin from pinyin. */
export const ESPEAK_VOICE: Record<SpeechLanguage, string> = {
  'zh-CN': 'cmn-latn-pinyin',
  'zh-TW': 'cmn-latn-pinyin',
  en: 'en-gb',
};

const PUNCTUATION: Record<string, string> = {
  '，': ', ',
  '、': ', ',
  '。': '. ',
  '！': '! ',
  '？': '? ',
  '：': ', ',
  '；': ', ',
  '（': ', ',
  '）': ', ',
  '「': ' ',
  '」': ' ',
  '“': ' ',
  '”': ' ',
  '—': ', ',
  '…': ', ',
  '·': ' ',
};

const SYLLABLE = /^[a-zv]+[0-5]$/;

/** Text in the citizen's language → the string handed to espeak-ng for that language's voice. */
export function speechInput(text: string, lang: SpeechLanguage): string {
  const t = text.normalize('NFC').trim();
  if (lang === 'en') return t;
  const parts = pinyin(t, { toneType: 'num', type: 'array', nonZh: 'consecutive', v: true });
  const out: string[] = [];
  for (const raw of parts) {
    // pinyin-pro writes the neutral tone as 0; espeak-ng reads 0 and 5 alike.
    if (SYLLABLE.test(raw)) {
      out.push(raw);
      continue;
    }
    // Non-Hanzi runs: full-width punctuation becomes a pause; letters and digits stay (espeak-ng's
    // pinyin voice reads "A001" as A零零一 and "18" as 十八).
    let piece = '';
    for (const ch of raw) piece += PUNCTUATION[ch] ?? ch;
    out.push(piece.trim());
  }
  return out
    .filter((p) => p.length > 0)
    .join(' ')
    .replace(/\s+([,.!?])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * Languages espeak-ng switched to while reading (its `-x` output marks a switch as `(en)…(cmn)`).
 * For a Mandarin voice any switch means a piece was not read as Mandarin.
 */
export function fallbackLanguages(phonemes: string, lang: SpeechLanguage = 'zh-CN'): string[] {
  const own = lang === 'en' ? 'en' : 'cmn';
  const found = new Set<string>();
  for (const m of phonemes.matchAll(/\(([a-z]{2,3}(?:-[a-z0-9-]+)?)\)/gi)) found.add((m[1] as string).toLowerCase());
  found.delete(own);
  return [...found];
}
