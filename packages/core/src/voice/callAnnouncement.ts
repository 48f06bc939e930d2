/**
 * What the hall hears: "请A012号到5号窗口办理". `tokens` are the pieces a clip-based voice
 * assembles in order (letters and digits of the ticket one by one, the window number as a Chinese
 * numeral: 15 → 十五, 105 → 一百零五), so a hall can record its own clips for each token.
 */
export interface CallAnnouncement {
  text: string;
  tokens: string[];
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** 1…9999 as the tokens of a Chinese numeral: digits plus '10' (十), '100' (百), '1000' (千). */
export function numeralTokens(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n).split('');
  if (n < 10) return [String(n)];
  const units = [
    [1000, '1000'],
    [100, '100'],
    [10, '10'],
  ] as const;
  const out: string[] = [];
  let rest = n;
  let pendingZero = false;
  for (const [value, token] of units) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d === 0) {
      if (out.length > 0) pendingZero = true;
      continue;
    }
    if (pendingZero) out.push('0');
    pendingZero = false;
    // 十五, not 一十五, when the number starts with the tens.
    if (!(value === 10 && d === 1 && out.length === 0)) out.push(DIGITS[d] as string);
    out.push(token);
  }
  if (rest > 0) {
    if (pendingZero) out.push('0');
    out.push(String(rest));
  }
  return out;
}

const ZH: Record<string, string> = {
  '0': '零',
  '1': '一',
  '2': '二',
  '3': '三',
  '4': '四',
  '5': '五',
  '6': '六',
  '7': '七',
  '8': '八',
  '9': '九',
  '10': '十',
  '100': '百',
  '1000': '千',
};

export function callAnnouncement(
  ticketNumber: string,
  windowNumber: number,
  lang: 'zh-CN' | 'en' = 'zh-CN',
): CallAnnouncement {
  const ticketTokens = ticketNumber.split('');
  if (lang === 'en') {
    return {
      text: `Number ${ticketTokens.join(' ')}, please go to window ${windowNumber}.`,
      tokens: ['en:number', ...ticketTokens, 'en:please-go-to-window', ...String(windowNumber).split('')],
    };
  }
  const win = numeralTokens(windowNumber);
  return {
    text: `请${ticketNumber}号到${windowNumber}号窗口办理`,
    tokens: ['请', ...ticketTokens, '号', '到', ...win, '号窗口', '办理'],
  };
}

/** The window number read out in Chinese characters (五, 十五, 一百零五), e.g. for TTS engines. */
export function windowNumberZh(n: number): string {
  return numeralTokens(n)
    .map((t) => ZH[t] ?? t)
    .join('');
}
