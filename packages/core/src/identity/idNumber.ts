// One rule for ID numbers, used by the kiosk, the phone pages, the center's schemas and the
// technician CLI. Layouts served (issue 16):
//  - resident identity card (居民身份证, GB 11643-1999): 6-digit region + YYYYMMDD + 3-digit
//    sequence + check character (ISO 7064 MOD 11-2; 'X' for 10);
//  - HK/Macau/Taiwan residence permit (港澳台居民居住证): the same structure, region 810000 / 820000 / 830000;
//  - foreign permanent resident ID card, 2023 layout (外国人永久居留身份证): 18 digits starting with 9,
//    the same structure and check character;
//  - foreign permanent resident card, 2004/2017 layout: 15 characters — ISO 3166 alpha-3 nationality +
//    4-digit place of issue + YYMMDD + 2 digits. No public check-character rule exists for it, so only
//    its shape and birth date are checked.
export type IdLayout = 'resident' | 'hmt-permit' | 'foreign-2023' | 'foreign-2017';

export type IdProblem = 'format' | 'check-character' | 'birth-date';

export type IdNumberCheck = { ok: true; number: string; layout: IdLayout; birthDate: string } | { ok: false; number: string; problem: IdProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Upper case, no spaces or separators (people type 3706 0219 8607 1512 34). */
export function normaliseIdNumber(input: string): string {
  return input.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

/** GB 11643 check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '?';
}

/** A real calendar day, not after `today` and not before 1900. */
function birthDateOf(y: number, m: number, d: number, today: string): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d || y < 1900) return null;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return iso > today ? null : iso;
}

/**
 * Checks an ID number of any layout served. `today` (YYYY-MM-DD, the hall's day) bounds the birth
 * date; a 2-digit year of the 2017 layout is the latest century that is not in the future.
 */
export function checkIdNumber(input: string, today: string): IdNumberCheck {
  const number = normaliseIdNumber(input);
  const eighteen = /^(\d{6})(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/.exec(number);
  if (eighteen) {
    const region = eighteen[1] as string;
    const layout: IdLayout = region.startsWith('9') ? 'foreign-2023' : /^8[123]0000$/.test(region) ? 'hmt-permit' : 'resident';
    if (idCheckCharacter(number) !== number[17]) return { ok: false, number, problem: 'check-character' };
    const birth = birthDateOf(Number(eighteen[2]), Number(eighteen[3]), Number(eighteen[4]), today);
    if (!birth) return { ok: false, number, problem: 'birth-date' };
    return { ok: true, number, layout, birthDate: birth };
  }
  const fifteen = /^[A-Z]{3}\d{4}(\d{2})(\d{2})(\d{2})\d{2}$/.exec(number);
  if (fifteen) {
    const yy = Number(fifteen[1]);
    const thisYear = Number(today.slice(0, 4));
    let y = 2000 + yy;
    if (y > thisYear) y -= 100;
    const birth = birthDateOf(y, Number(fifteen[2]), Number(fifteen[3]), today);
    if (!birth) return { ok: false, number, problem: 'birth-date' };
    return { ok: true, number, layout: 'foreign-2017', birthDate: birth };
  }
  return { ok: false, number, problem: 'format' };
}

/**
 * The shape of a number of any layout (no check character, no date): what a wire schema accepts
 * before the rule itself is applied where the hall's day is known.
 */
export const ID_NUMBER_SHAPE = /^(\d{17}[\dXx]|[A-Za-z]{3}\d{12})$/;

/**
 * The shape of a masked number on the wire (first 4 and last 4 kept): 3706**********1234,
 * 9156**********0012, CAN3*******0304.
 */
export const MASKED_ID_SHAPE = /^[0-9A-Z]{2,6}\*+[0-9X]{0,4}$/;
