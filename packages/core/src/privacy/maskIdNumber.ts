/**
 * PIPL: an ID number is never shown or logged whole. Keeps the first 4 and last 4 characters
 * (`3706**********1234`), which is what hall staff need to tell two people apart.
 */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 8) return '*'.repeat(s.length);
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}
