// What a scanned or typed code means: a booking QR code or a receipt code may carry a URL
// (`…/a/CODE` or `?code=CODE`); the code is its last part.

export function appointmentCode(scanned: string): string {
  return lastCodePart(scanned);
}

export function receiptCodeOf(scanned: string): string {
  return lastCodePart(scanned);
}

function lastCodePart(s: string): string {
  const t = s.trim();
  if (!/^https?:\/\//i.test(t)) return t;
  try {
    const u = new URL(t);
    return u.searchParams.get('code') ?? u.pathname.split('/').filter(Boolean).at(-1) ?? t;
  } catch {
    return t;
  }
}
