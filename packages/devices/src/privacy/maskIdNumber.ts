/**
 * PIPL: an ID number is never shown or logged whole. Keeps the first 4 and last 4 characters
 * (`3706**********1234`). Same rule as @hallkit/core's helper; kept local so the device layer
 * does not wait on core.
 */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 8) return '*'.repeat(s.length);
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}

/**
 * A card holder's name in logs and reports (issue 15): the first character, the rest starred —
 * 张晓明 → 张**, 欧阳秀英 → 欧***, ZHANG WEI → Z********. Enough for the holder to know it is theirs.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/**
 * ID numbers wherever they appear in text: 18-character resident and residence-permit numbers
 * (incl. the 2023 foreign permanent resident card's, which start with 9), old 15-digit ones, and the
 * 2017 foreign permanent resident card's 3-letter nationality code + 12 digits.
 */
const ID_NUMBER_IN_TEXT = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15}|[A-Z]{3}\d{12})(?![0-9A-Za-z])/g;

/** Masks every ID number found in a free-form log line (belt and braces for log sinks). */
export function redactIdNumbers(text: string): string {
  return text.replace(ID_NUMBER_IN_TEXT, (m) => maskIdNumber(m));
}
