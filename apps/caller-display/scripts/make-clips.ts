// `npm run clips -w apps/caller-display`: renders the shipped voice clips again into
// src/renderer/public/clips/<lang>/ (needs Debian espeak-ng and sox; CI checks the committed ones).
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderShippedClips } from '../src/host/clips/shippedClips.ts';

const out = fileURLToPath(new URL('../src/renderer/public/clips', import.meta.url));
for (const lang of ['zh-CN', 'en']) rmSync(`${out}/${lang}`, { recursive: true, force: true });
const clips = await renderShippedClips(out);
for (const c of clips) console.log(`${c.lang}\t${c.token}\t${c.input}\t${c.phonemes}`);
console.log(`${clips.length} clips in ${out}`);
