/**
 * Interpolation options for an "about N minutes" message. An estimate under a minute must not read
 * "约 0 分钟": it selects the message's `_none` variant (i18next context), which each screen words
 * for itself — 无需等候 on a queue tile, 即将叫号 on a ticket already in line.
 */
export function waitOptions(minutes: number, key = 'n'): Record<string, string | number> {
  const n = Math.round(minutes);
  return n < 1 ? { [key]: 0, context: 'none' } : { [key]: n };
}
