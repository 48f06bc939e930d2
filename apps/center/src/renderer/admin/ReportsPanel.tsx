// 报表: the director's office figures for any date range, per hall, zone, category, window, staff
// or item, with a chart per day/week/month, an Excel export and a printable monthly report (print
// CSS: the controls disappear, the tables fit an A4 landscape page). Days are the hall's own days.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/http.ts';
import type { Report, ReportRow } from '../../server/reports/ReportQuery.ts';
import { ReportChart } from './ReportChart.tsx';
import { hallTimeZone } from '../common/format.ts';

const DIMS = ['hall', 'zone', 'category', 'window', 'staff', 'item'] as const;
const PERIODS = ['day', 'week', 'month'] as const;
const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** Today in the hall's zone, as YYYY-MM-DD (the browser may be elsewhere). */
function hallToday(tz: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
function monthRange(day: string, back: number): [string, string] {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - back);
  const end = new Date(d);
  end.setUTCMonth(end.getUTCMonth() + 1);
  end.setUTCDate(0);
  return [d.toISOString().slice(0, 10), end.toISOString().slice(0, 10)];
}

export function ReportsPanel({ timeZone = hallTimeZone() }: { timeZone?: string }) {
  const { t, i18n } = useTranslation();
  const today = hallToday(timeZone);
  const initial = new URLSearchParams(location.search);
  const [from, setFrom] = useState(initial.get('from') ?? monthRange(today, 0)[0]);
  const [to, setTo] = useState(initial.get('to') ?? today);
  const [dim, setDim] = useState<(typeof DIMS)[number]>((initial.get('dim') as (typeof DIMS)[number]) ?? 'window');
  const [period, setPeriod] = useState<(typeof PERIODS)[number]>('day');
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<string>();
  // Rows, total, alarms and the export are named in the console's language (the server names them).
  const lang = LANGS.find((l) => l === i18n.language) ?? 'zh-CN';
  const query = `from=${from}&to=${to}&dim=${dim}&period=${period}&lang=${lang}`;

  const load = useCallback(async () => {
    try {
      setReport(await api<Report>(`/api/admin/reports?${query}`));
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiError ? t(`error.${e.code}`, { defaultValue: e.message }) : t('error.network'));
    }
  }, [query, t]);
  useEffect(() => void load(), [load]);

  const min = (s: number | null) => (s === null ? '—' : t('reports.minutes', { n: (s / 60).toFixed(1) }));
  const cells = (r: ReportRow) => [
    r.issued,
    r.served,
    pct(r.noShowRate),
    min(r.avgWaitSeconds),
    min(r.p90WaitSeconds),
    min(r.avgHandleSeconds),
    min(r.p90HandleSeconds),
    r.transfers,
    r.rated,
    pct(r.satisfactionRate),
    r.bad,
    r.appealUpheld,
    r.followUps.byState.closed,
    r.followUps.closedOnTime,
    r.followUps.closedLate + r.followUps.openOverdue,
  ];
  const cols = ['issued', 'served', 'noShowRate', 'avgWait', 'p90Wait', 'avgHandle', 'p90Handle', 'transfers', 'rated', 'satisfaction', 'bad', 'appealUpheld', 'followUps', 'onTime', 'overdue'];
  const rows = report ? (report.dim === 'hall' ? report.series.map((s) => ({ ...s, label: s.period })) : report.rows) : [];

  return (
    <section className="card reports" data-testid="reports">
      <h2>
        {t('reports.title')} <span className="print-only">{report ? t('reports.range', { from: report.from, to: report.to }) : ''}</span>
      </h2>
      <div className="report-controls no-print">
        <label>
          {t('reports.from')} <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} data-testid="report-from" />
        </label>
        <label>
          {t('reports.to')} <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} data-testid="report-to" />
        </label>
        <label>
          {t('reports.dim')}{' '}
          <select value={dim} onChange={(e) => setDim(e.target.value as (typeof DIMS)[number])} data-testid="report-dim">
            {DIMS.map((d) => (
              <option key={d} value={d}>
                {t(`reports.dims.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.period')}{' '}
          <select value={period} onChange={(e) => setPeriod(e.target.value as (typeof PERIODS)[number])}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`reports.periods.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <button className="secondary" onClick={() => (setFrom(monthRange(today, 0)[0]), setTo(today))}>
          {t('reports.thisMonth')}
        </button>
        <button className="secondary" onClick={() => { const [a, b] = monthRange(today, 1); setFrom(a); setTo(b); }}>
          {t('reports.lastMonth')}
        </button>
        <a className="button" href={`/api/admin/reports/export.xlsx?${query}`} data-testid="report-export">
          {t('reports.export')}
        </a>
        <button onClick={() => window.print()}>{t('reports.print')}</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {report && (
        <>
          {report.includesToday && <p className="notice">{t('reports.live')}</p>}
          <ReportChart report={report} label={t('reports.chart')} />
          <table className="report-table" data-testid="report-table">
            <thead>
              <tr>
                <th>{report.dim === 'hall' ? t(`reports.periods.${report.period}`) : t(`reports.dims.${report.dim}`)}</th>
                {cols.map((c) => (
                  <th key={c}>{c === 'appealUpheld' ? t('appeal.reportColumn') : t(`reports.col.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr>
                  <td colSpan={cols.length + 1}>{t('reports.empty')}</td>
                </tr>
              )}
              {rows.map((r) => (
                <tr key={r.key + r.label}>
                  <td>{r.label}</td>
                  {cells(r).map((c, i) => (
                    <td key={i} className="num">{c}</td>
                  ))}
                </tr>
              ))}
              <tr className="total">
                <td>{report.total.label}</td>
                {cells(report.total).map((c, i) => (
                  <td key={i} className="num">{c}</td>
                ))}
              </tr>
            </tbody>
          </table>
          <h3>{t('reports.byChannel')}</h3>
          <table className="report-table channels" data-testid="report-channels">
            <thead>
              <tr>
                <th>{t('reports.channelCol')}</th>
                <th>{t('reports.col.rated')}</th>
                <th>{t('reports.col.satisfaction')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(report.total.byChannel).map(([ch, f]) => (
                <tr key={ch}>
                  <td>{t(`reports.channel.${ch}`, { defaultValue: ch })}</td>
                  <td className="num">{f?.rated}</td>
                  <td className="num">{pct(f && f.rated ? f.satisfied / f.rated : null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('reports.alarms.title')}</h3>
          {report.alarms.total.count === 0 ? (
            <p className="muted" data-testid="report-alarms-none">{t('reports.alarms.none')}</p>
          ) : (
            <div className="report-alarms" data-testid="report-alarms">
              {(
                [
                  ['kind', [{ key: 'total', label: t('reports.alarms.total'), figures: report.alarms.total }, ...report.alarms.byKind.map((k) => ({ key: k.kind, label: t(`reports.alarms.kind.${k.kind}`, { defaultValue: k.label }), figures: k.figures }))]],
                  ['zone', report.alarms.byZone],
                  ['window', report.alarms.byWindow],
                ] as const
              ).map(([by, list]) => (
                <table key={by} className="report-table" data-testid={`report-alarms-${by}`}>
                  <thead>
                    <tr>
                      <th>{t(`reports.alarms.by.${by}`)}</th>
                      <th className="num">{t('reports.alarms.count')}</th>
                      <th className="num">{t('reports.alarms.totalTime')}</th>
                      <th className="num">{t('reports.alarms.longest')}</th>
                      <th className="num">{t('reports.alarms.open')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((r) => (
                      <tr key={r.key} className={r.key === 'total' ? 'total' : ''}>
                        <td>{r.label}</td>
                        <td className="num">{r.figures.count}</td>
                        <td className="num">{min(r.figures.totalSeconds)}</td>
                        <td className="num">{min(r.figures.longestSeconds)}</td>
                        <td className="num">{r.figures.open || ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ))}
            </div>
          )}
          <p className="print-only muted">{t('reports.printedAt', { at: new Date().toLocaleString(i18n.language, { timeZone, hour12: false }), tz: timeZone })}</p>
        </>
      )}
    </section>
  );
}
