// The clip set the board ships: one short clip per token of @hallkit/core's callAnnouncement,
// rendered offline by espeak-ng's Mandarin pinyin voice (and en-gb for English) and encoded by sox.
// Rendering is deterministic (sox -R), so a test renders every clip again and compares it with the
// committed file: a changed voice, a fallback to English or a lost clip fails CI.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Espeak, type SpeechLanguage } from '@hallkit/host';

export type ClipLanguage = Extract<SpeechLanguage, 'zh-CN' | 'en'>;

export interface ClipSpec {
  lang: ClipLanguage;
  /** Token of callAnnouncement = file name without extension. */
  token: string;
  /** What is read for it. */
  text: string;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const EN_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

export const SHIPPED_CLIPS: readonly ClipSpec[] = [
  ...ZH_DIGITS.map((text, i) => ({ lang: 'zh-CN' as const, token: String(i), text })),
  { lang: 'zh-CN', token: '10', text: '十' },
  { lang: 'zh-CN', token: '100', text: '百' },
  { lang: 'zh-CN', token: '1000', text: '千' },
  ...['请', '号', '到', '号窗口', '办理'].map((t) => ({ lang: 'zh-CN' as const, token: t, text: t })),
  ...LETTERS.map((l) => ({ lang: 'zh-CN' as const, token: l, text: l })),
  ...EN_DIGITS.map((text, i) => ({ lang: 'en' as const, token: String(i), text })),
  { lang: 'en', token: 'number', text: 'Number' },
  { lang: 'en', token: 'please-go-to-window', text: 'please go to window' },
  ...LETTERS.map((l) => ({ lang: 'en' as const, token: l, text: l })),
];

/** 16 kHz mono Vorbis, level normalised, silence trimmed at both ends so clips join without gaps. */
const SOX_EFFECTS = ['gain', '-n', '-3', 'silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse', 'pad', '0', '0.04'];

export function sox(args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // -R: repeatable (the Ogg stream serial is otherwise random), so a render is byte-identical.
    const child = spawn('sox', ['-R', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`sox ${args.join(' ')}: ${Buffer.concat(err).toString().trim()}`))));
  });
}

export interface RenderedClip extends ClipSpec {
  file: string;
  phonemes: string;
  input: string;
}

/** Renders every shipped clip into `<outDir>/<lang>/` with its manifest and a phoneme listing. */
export async function renderShippedClips(outDir: string, espeak = new Espeak()): Promise<RenderedClip[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'hallkit-clips-'));
  const done: RenderedClip[] = [];
  try {
    for (const spec of SHIPPED_CLIPS) {
      // strict: a clip espeak-ng reads partly in another language is an error, not a clip.
      const r = await espeak.render(spec.text, spec.lang, { strict: true });
      const raw = join(tmp, 'raw.wav');
      writeFileSync(raw, r.wav);
      mkdirSync(join(outDir, spec.lang), { recursive: true });
      const file = `${spec.token}.ogg`;
      await sox([raw, '-r', '16000', '-c', '1', '-C', '1', join(outDir, spec.lang, file), ...SOX_EFFECTS]);
      done.push({ ...spec, file, phonemes: r.phonemes, input: r.input });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const lang of ['zh-CN', 'en'] as const) {
    const clips = done.filter((c) => c.lang === lang);
    const files = Object.fromEntries(clips.map((c) => [c.token, c.file]));
    writeFileSync(join(outDir, lang, 'manifest.json'), `${JSON.stringify({ v: 1, lang, files })}\n`);
    // Listen-check by reading: what espeak-ng was given and the phonemes it produced, per clip.
    const lines = clips.map((c) => `${c.token}\t${c.text}\t${c.input}\t${c.phonemes}`);
    writeFileSync(join(outDir, lang, 'phonemes.txt'), `# token\ttext\tespeak-ng input\tespeak-ng -x\n${lines.join('\n')}\n`);
  }
  return done;
}
