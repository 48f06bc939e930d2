// The real-time dynamic area (A3 06): RAM only, so it can be rewritten without wearing the card's
// flash (programs A1 05… go to flash). Encode for the driver, decode for the simulator.

export const DisplayEffect = { static: 1, typeOut: 2, scrollLeft: 3, scrollRight: 4, scrollUp: 5, scrollDown: 6 } as const;
export type DisplayEffectName = keyof typeof DisplayEffect;

export interface AreaVoice {
  /** 0–5 */
  person: number;
  /** How many times the card says it (1–15). */
  repeat: number;
  /** 0–10 */
  volume: number;
  /** 0–10 */
  speed: number;
  /** GB2312 bytes to say (SoundMode 2). */
  text: Uint8Array;
}

export interface DynamicArea {
  /** Area id on the card, from 0. */
  id: number;
  /** Pixels; encoded in pixel mode (top bit set) so any size works. */
  x: number;
  y: number;
  width: number;
  height: number;
  lineSpacing: number;
  /** 0 loop, 1 stop on the last page, 2 loop then delete after `timeoutSeconds`. */
  runMode: 0 | 1 | 2;
  timeoutSeconds: number;
  /** bits 1..0 = 0 left, 1 right, 2 centre; bits 3..2 = 0 top, 1 bottom, 2 middle. */
  alignment: number;
  singleLine: boolean;
  autoWrap: boolean;
  effect: DisplayEffectName;
  exitMode: number;
  /** 0 fastest … 0x18 slowest. */
  speed: number;
  /** In 0.5 s units. */
  stayHalfSeconds: number;
  voice?: AreaVoice;
  /** GB2312 text with the card's escapes (see stripText.ts). */
  text: Uint8Array;
}

export interface DynamicAreaCommand {
  /** true: clear and re-initialise all areas first (ProcessMode 1). */
  clearFirst: boolean;
  /** Areas to delete before drawing: 'all', or ids. */
  deleteAreas: 'all' | number[];
  areas: DynamicArea[];
}

const pixel = (n: number): number => 0x8000 | (n & 0x7fff);
const units = (n: number): number => (n & 0x8000 ? n & 0x7fff : n * 8);

function encodeArea(a: DynamicArea): Uint8Array {
  const voice = a.voice;
  const voiceLen = voice ? 3 + 4 + voice.text.length : 0;
  const out = new Uint8Array(27 + voiceLen + a.text.length);
  const v = new DataView(out.buffer);
  let o = 0;
  out[o++] = 0; // AreaType
  v.setUint16(o, pixel(a.x), true);
  o += 2;
  v.setUint16(o, a.y, true);
  o += 2;
  v.setUint16(o, pixel(a.width), true);
  o += 2;
  v.setUint16(o, a.height, true);
  o += 2;
  out[o++] = a.id;
  out[o++] = a.lineSpacing;
  out[o++] = a.runMode;
  v.setUint16(o, a.timeoutSeconds, true);
  o += 2;
  out[o++] = voice ? 2 : 0;
  if (voice) {
    // The document gives Person/Repeat as one byte; low nibble person, high nibble repeat count.
    out[o++] = ((voice.repeat & 0x0f) << 4) | (voice.person & 0x0f);
    out[o++] = voice.volume;
    out[o++] = voice.speed;
    v.setUint32(o, voice.text.length, true);
    o += 4;
    out.set(voice.text, o);
    o += voice.text.length;
  }
  out[o++] = 0; // ExtendParaLen
  out[o++] = a.alignment;
  out[o++] = a.singleLine ? 1 : 2;
  out[o++] = a.autoWrap ? 2 : 1;
  out[o++] = DisplayEffect[a.effect];
  out[o++] = a.exitMode;
  out[o++] = a.speed;
  out[o++] = a.stayHalfSeconds;
  v.setUint32(o, a.text.length, true);
  o += 4;
  out.set(a.text, o);
  return out;
}

/** The payload after `A3 06 Resp` (in the place of the usual two reserved bytes): ProcessMode, Reserved, delete list, areas. */
export function encodeDynamicAreas(c: DynamicAreaCommand): Uint8Array {
  const areas = c.areas.map(encodeArea);
  const del = c.deleteAreas === 'all' ? [0xff] : [c.deleteAreas.length, ...c.deleteAreas];
  const out = new Uint8Array(2 + del.length + 1 + areas.reduce((n, a) => n + 2 + a.length, 0));
  const v = new DataView(out.buffer);
  let o = 0;
  out[o++] = c.clearFirst ? 1 : 0;
  out[o++] = 0;
  for (const d of del) out[o++] = d;
  out[o++] = areas.length;
  for (const a of areas) {
    v.setUint16(o, a.length, true);
    o += 2;
    out.set(a, o);
    o += a.length;
  }
  return out;
}

export type DynamicAreaDecode = { ok: true; command: DynamicAreaCommand } | { ok: false; error: string };

const EFFECT_BY_CODE = new Map<number, DisplayEffectName>(Object.entries(DisplayEffect).map(([k, v]) => [v, k as DisplayEffectName]));

/** Decodes `A3 06` data after `A3 06 Resp`; a malformed one is an error, never a throw. */
export function decodeDynamicAreas(p: Uint8Array): DynamicAreaDecode {
  const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
  let o = 0;
  const need = (n: number, what: string): string | undefined => (o + n > p.length ? `truncated at ${what} (offset ${o})` : undefined);
  let e = need(3, 'ProcessMode/DeleteAreaNum');
  if (e) return { ok: false, error: e };
  const clearFirst = p[o++] === 1;
  o++;
  const delCount = p[o++] as number;
  let deleteAreas: 'all' | number[] = [];
  if (delCount === 0xff) deleteAreas = 'all';
  else {
    e = need(delCount, 'DeleteAreaId');
    if (e) return { ok: false, error: e };
    deleteAreas = [...p.subarray(o, o + delCount)];
    o += delCount;
  }
  e = need(1, 'AreaNum');
  if (e) return { ok: false, error: e };
  const count = p[o++] as number;
  const areas: DynamicArea[] = [];
  for (let i = 0; i < count; i++) {
    e = need(2, `AreaDataLen of area ${i}`);
    if (e) return { ok: false, error: e };
    const len = v.getUint16(o, true);
    o += 2;
    e = need(len, `AreaData of area ${i}`);
    if (e) return { ok: false, error: e };
    const area = decodeArea(p.subarray(o, o + len));
    if (!area.ok) return { ok: false, error: `area ${i}: ${area.error}` };
    areas.push(area.area);
    o += len;
  }
  if (o !== p.length) return { ok: false, error: `${p.length - o} byte(s) after the last area` };
  return { ok: true, command: { clearFirst, deleteAreas, areas } };
}

function decodeArea(a: Uint8Array): { ok: true; area: DynamicArea } | { ok: false; error: string } {
  const v = new DataView(a.buffer, a.byteOffset, a.byteLength);
  let o = 0;
  const fixed = 15;
  if (a.length < fixed) return { ok: false, error: `${a.length} bytes, shorter than an area header` };
  if (a[0] !== 0) return { ok: false, error: `AreaType ${a[0]} is not 0` };
  o = 1;
  const x = units(v.getUint16(o, true));
  const y = v.getUint16(o + 2, true);
  const width = units(v.getUint16(o + 4, true));
  const height = v.getUint16(o + 6, true);
  o += 8;
  const id = a[o++] as number;
  const lineSpacing = a[o++] as number;
  const runMode = a[o++] as number;
  const timeoutSeconds = v.getUint16(o, true);
  o += 2;
  const soundMode = a[o++] as number;
  if (runMode > 2) return { ok: false, error: `RunMode ${runMode}` };
  let voice: AreaVoice | undefined;
  if (soundMode !== 0) {
    if (o + 3 > a.length) return { ok: false, error: 'truncated voice fields' };
    const pr = a[o++] as number;
    const volume = a[o++] as number;
    const speed = a[o++] as number;
    let text = new Uint8Array(0);
    if (soundMode === 2) {
      if (o + 4 > a.length) return { ok: false, error: 'truncated SoundDataLen' };
      const n = v.getUint32(o, true);
      o += 4;
      if (o + n > a.length) return { ok: false, error: `SoundDataLen ${n} runs past the area` };
      text = a.slice(o, o + n);
      o += n;
    } else if (soundMode !== 1) return { ok: false, error: `SoundMode ${soundMode}` };
    voice = { person: pr & 0x0f, repeat: pr >> 4, volume, speed, text };
  }
  if (o + 1 > a.length) return { ok: false, error: 'truncated ExtendParaLen' };
  const ext = a[o++] as number;
  o += ext;
  if (o + 12 > a.length) return { ok: false, error: 'truncated text fields' };
  const alignment = a[o++] as number;
  const single = a[o++] as number;
  const newLine = a[o++] as number;
  const effectCode = a[o++] as number;
  const exitMode = a[o++] as number;
  const speed = a[o++] as number;
  const stayHalfSeconds = a[o++] as number;
  const dataLen = v.getUint32(o, true);
  o += 4;
  if (o + dataLen !== a.length) return { ok: false, error: `DataLen ${dataLen} does not match the ${a.length - o} byte(s) left` };
  const effect = EFFECT_BY_CODE.get(effectCode);
  if (!effect) return { ok: false, error: `DisplayMode ${effectCode}` };
  const text = a.slice(o, o + dataLen);
  // SoundMode 1 says the area's own text.
  if (voice && soundMode === 1) voice.text = text;
  return {
    ok: true,
    area: { id, x, y, width, height, lineSpacing, runMode: runMode as 0 | 1 | 2, timeoutSeconds, alignment, singleLine: single === 1, autoWrap: newLine === 2, effect, exitMode, speed, stayHalfSeconds, text, ...(voice ? { voice } : {}) },
  };
}
