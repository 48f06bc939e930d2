import type { CardPhoto, IdCard, IdCardKind } from './IdCard.ts';
import { nationCode, nationName } from './nations.ts';

/** The text block is 256 bytes of UTF-16LE in fixed fields (offset, length in bytes). */
export const TEXT_BYTES = 256;
export const PHOTO_BYTES = 1024;
const KIND_OFFSET = 248;

type Field = readonly [offset: number, length: number];
const RESIDENT = {
  name: [0, 30], gender: [30, 2], nation: [32, 4], birth: [36, 16], address: [52, 70], id: [122, 36],
  authority: [158, 30], from: [188, 16], to: [204, 16],
} as const satisfies Record<string, Field>;
const HMT = { ...RESIDENT, pass: [220, 18], issues: [238, 4] } as const satisfies Record<string, Field>;
const FOREIGN_2017 = {
  english: [0, 120], gender: [120, 2], id: [122, 30], nationality: [152, 6], name: [158, 30],
  from: [188, 16], to: [204, 16], birth: [220, 16], version: [236, 4], authority: [240, 8],
} as const satisfies Record<string, Field>;
/**
 * The 2023 card (marker `Y`): its number is 18 digits (36 bytes), so every later field moves back
 * 6 bytes and the authority code keeps 2 bytes before the marker. Modelled from the 2017 layout and
 * the 18-digit number; not yet checked against a real card (docs/devices.md, known limits).
 */
const FOREIGN_2023 = {
  english: [0, 120], gender: [120, 2], id: [122, 36], nationality: [158, 6], name: [164, 30],
  from: [194, 16], to: [210, 16], birth: [226, 16], version: [242, 4], authority: [246, 2],
} as const satisfies Record<string, Field>;

function field(text: Uint8Array, [offset, length]: Field): string {
  return Buffer.from(text.subarray(offset, offset + length)).toString('utf16le').replace(/\0/g, '').trim();
}

function date(yyyymmdd: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : yyyymmdd;
}

function gender(code: string): IdCard['gender'] {
  return code === '1' ? '男' : code === '2' ? '女' : code === '0' ? '未知' : '未说明';
}

export function cardKind(text: Uint8Array): IdCardKind {
  const marker = String.fromCharCode(text[KIND_OFFSET] ?? 0x20);
  if (marker === 'J') return 'hmt-permit';
  if (marker === 'I' || marker === 'Y') return 'foreign-permanent';
  return 'resident';
}

export type TextDecodeResult = { ok: true; card: IdCard } | { ok: false; error: string };

/** Decodes the 256-byte text block. A short or malformed block is an error result, never a throw. */
export function decodeCardText(text: Uint8Array, photo: CardPhoto): TextDecodeResult {
  if (text.length < TEXT_BYTES) return { ok: false, error: `text block is ${text.length} bytes, expected ${TEXT_BYTES}` };
  const kind = cardKind(text);
  const validTo = (raw: string): string | null => (raw === '长期' ? null : date(raw));
  let card: IdCard;
  if (kind === 'foreign-permanent') {
    const FOREIGN = String.fromCharCode(text[KIND_OFFSET] ?? 0x20) === 'Y' ? FOREIGN_2023 : FOREIGN_2017;
    const english = field(text, FOREIGN.english);
    const chinese = field(text, FOREIGN.name);
    card = {
      kind, name: chinese || english, englishName: english, gender: gender(field(text, FOREIGN.gender)),
      nation: field(text, FOREIGN.nationality), birthDate: date(field(text, FOREIGN.birth)), address: '',
      idNumber: field(text, FOREIGN.id), authority: field(text, FOREIGN.authority),
      validFrom: date(field(text, FOREIGN.from)), validTo: validTo(field(text, FOREIGN.to)), photo,
      cardVersion: field(text, FOREIGN.version),
    };
  } else {
    const f = kind === 'hmt-permit' ? HMT : RESIDENT;
    card = {
      kind, name: field(text, f.name), gender: gender(field(text, f.gender)),
      nation: kind === 'resident' ? nationName(field(text, f.nation)) : '',
      birthDate: date(field(text, f.birth)), address: field(text, f.address), idNumber: field(text, f.id),
      authority: field(text, f.authority), validFrom: date(field(text, f.from)), validTo: validTo(field(text, f.to)), photo,
    };
    if (kind === 'hmt-permit') {
      card.passNumber = field(text, HMT.pass);
      card.issueCount = field(text, HMT.issues);
    }
  }
  if (!/^[\dA-Z]{8,18}$/.test(card.idNumber)) return { ok: false, error: 'ID number field is not a valid number' };
  return { ok: true, card };
}

function put(text: Uint8Array, [offset, length]: Field, value: string): void {
  const bytes = Buffer.from(value.padEnd(length / 2, ' ').slice(0, length / 2), 'utf16le');
  text.set(bytes.subarray(0, length), offset);
}

const genderCode = (g: IdCard['gender']): string => ({ 男: '1', 女: '2', 未知: '0', 未说明: '9' })[g];
const compact = (d: string): string => d.replace(/-/g, '');

/** The inverse of decodeCardText, for the simulator and tests. */
export function encodeCardText(card: Omit<IdCard, 'photo'>): Uint8Array {
  const text = new Uint8Array(TEXT_BYTES);
  put(text, [0, TEXT_BYTES], '');
  const to = card.validTo === null ? '长期' : compact(card.validTo);
  if (card.kind === 'foreign-permanent') {
    const is2023 = card.idNumber.length === 18;
    const FOREIGN = is2023 ? FOREIGN_2023 : FOREIGN_2017;
    put(text, FOREIGN.english, card.englishName ?? card.name);
    put(text, FOREIGN.gender, genderCode(card.gender));
    put(text, FOREIGN.id, card.idNumber);
    put(text, FOREIGN.nationality, card.nation);
    put(text, FOREIGN.name, card.name === card.englishName ? '' : card.name);
    put(text, FOREIGN.from, compact(card.validFrom));
    put(text, FOREIGN.to, to);
    put(text, FOREIGN.birth, compact(card.birthDate));
    put(text, FOREIGN.version, card.cardVersion ?? (is2023 ? '02' : '01'));
    put(text, FOREIGN.authority, card.authority);
    put(text, [KIND_OFFSET, 2], is2023 ? 'Y' : 'I');
    return text;
  }
  const f = card.kind === 'hmt-permit' ? HMT : RESIDENT;
  put(text, f.name, card.name);
  put(text, f.gender, genderCode(card.gender));
  put(text, f.nation, card.kind === 'resident' ? nationCode(card.nation) : '');
  put(text, f.birth, compact(card.birthDate));
  put(text, f.address, card.address);
  put(text, f.id, card.idNumber);
  put(text, f.authority, card.authority);
  put(text, f.from, compact(card.validFrom));
  put(text, f.to, to);
  if (card.kind === 'hmt-permit') {
    put(text, HMT.pass, card.passNumber ?? '');
    put(text, HMT.issues, card.issueCount ?? '01');
    put(text, [KIND_OFFSET, 2], 'J');
  }
  return text;
}
