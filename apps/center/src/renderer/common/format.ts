// Times as the hall reads them (Asia/Shanghai, 24 h).
const fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const fmtDay = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

export const clock = (t: string | number | null | undefined): string => (t === null || t === undefined ? '—' : fmt.format(new Date(t)));
export const dayTime = (t: string | number | null | undefined): string => (t === null || t === undefined ? '—' : fmtDay.format(new Date(t)));
export const percent = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
