// A hall's own voice recordings: `<folder>/<lang>/<token>.<ext>` (e.g. clips/zh-CN/请.wav,
// clips/en/number.mp3). Tokens it has replace the shipped clips; the others stay the shipped ones.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { HallClips } from '../contract.ts';

const MIME: Record<string, string> = { '.wav': 'audio/wav', '.ogg': 'audio/ogg', '.mp3': 'audio/mpeg', '.m4a': 'audio/mp4', '.flac': 'audio/flac' };
/** A single clip is a word or two; anything bigger is a mistake (a whole recording session). */
const MAX_CLIP_BYTES = 2 * 1024 * 1024;

export function readHallClips(folder: string, lang: string, log: (line: string) => void): HallClips {
  const dir = join(folder, lang);
  const files: HallClips['files'] = {};
  if (!existsSync(dir)) return { v: 1, files, source: null };
  for (const name of readdirSync(dir)) {
    const ext = extname(name).toLowerCase();
    const mime = MIME[ext];
    if (!mime) continue;
    const path = join(dir, name);
    const size = statSync(path).size;
    if (size > MAX_CLIP_BYTES) {
      log(`hall clip ${path} ignored: ${size} bytes is more than a clip`);
      continue;
    }
    const token = name.slice(0, -ext.length).normalize('NFC');
    files[token] = { mime, base64: readFileSync(path).toString('base64') };
  }
  log(`hall clips for ${lang}: ${Object.keys(files).length} from ${dir}`);
  return { v: 1, files, source: dir };
}
