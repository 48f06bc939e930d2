// Tickets, served and average wait per day/week/month of a report (uPlot). The x axis is the
// report's own periods (hall-local days), so no browser time zone or 12-hour clock can creep in.
// Labels are in the console's language, drawn in Noto Sans SC loaded first (a canvas has no CJK
// fallback on a machine without CJK system fonts); off the plot the legend shows the latest period.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Report } from '../../server/reports/ReportQuery.ts';

const FONT_FAMILY = '"Noto Sans SC", "Noto Sans CJK SC", sans-serif';
const AXIS_FONT = `12px ${FONT_FAMILY}`;
const LABEL_FONT = `bold 13px ${FONT_FAMILY}`;
const PRINT_WIDTH = 1000;

export function ReportChart({ report, label }: { report: Report; label: string }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let plot: uPlot | undefined;
    let gone = false;
    const s = report.series;
    const periods = s.map((x) => x.period);
    const last = periods.length - 1;
    const data: uPlot.AlignedData = [
      s.map((_, i) => i),
      s.map((x) => x.issued),
      s.map((x) => x.served),
      s.map((x) => (x.avgWaitSeconds === null ? null : Math.round(x.avgWaitSeconds / 6) / 10)),
    ];
    const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'short', timeZone: 'UTC' });
    const short = (p: string) => (report.period === 'month' ? monthName.format(new Date(`${p}-01T00:00:00Z`)) : `${Number(p.slice(5, 7))}/${Number(p.slice(8, 10))}`);
    // Off the plot uPlot asks for the value at no index: show the latest period's instead of "--".
    const shown = (si: number) => (_u: uPlot, v: number | null, _s: number, idx: number | null) => {
      const value = idx === null ? (data[si]?.[last] ?? null) : v;
      return value === null || value === undefined ? '—' : String(value);
    };
    const people = t('reports.chartPeople');
    const minutes = t('reports.chartMinutes');
    const draw = () => {
      if (gone) return;
      plot = new uPlot(
        {
          width: Math.max(320, el.clientWidth),
          height: 240,
          title: label,
          series: [
            { label: t('reports.chartPeriod'), value: (_u, v, _s, idx) => periods[idx ?? v ?? last] ?? '' },
            { label: t('reports.col.issued'), stroke: '#2471a3', width: 2, scale: 'n', value: shown(1) },
            { label: t('reports.col.served'), stroke: '#229954', width: 2, scale: 'n', value: shown(2) },
            { label: t('reports.chartAvgWait'), stroke: '#c0392b', width: 2, dash: [6, 4], scale: 'min', value: shown(3) },
          ],
          scales: { x: { time: false }, n: {}, min: {} },
          // Whole periods only: a tick (and its grid line) never falls between two days.
          axes: [
            { font: AXIS_FONT, incrs: [1, 2, 3, 7, 14, 28, 56, 91, 182], values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) && periods[v] ? short(periods[v]) : '')) },
            { scale: 'n', label: people, font: AXIS_FONT, labelFont: LABEL_FONT },
            { scale: 'min', side: 1, label: minutes, grid: { show: false }, font: AXIS_FONT, labelFont: LABEL_FONT },
          ],
        },
        data,
        el,
      );
    };
    void document.fonts
      .load(AXIS_FONT, `${label}${people}${minutes}0123456789/月`)
      .then(() => document.fonts.load(LABEL_FONT, `${label}${people}${minutes}`))
      .catch(() => undefined)
      .then(draw);
    // Drawn for the screen, the canvas would run off an A4 landscape page (≈ 1,030 px inside its
    // margins): printing redraws it to fit, and back after.
    const screenWidth = () => Math.max(320, el.clientWidth);
    const beforePrint = () => plot?.setSize({ width: Math.min(screenWidth(), PRINT_WIDTH), height: 240 });
    const afterPrint = () => plot?.setSize({ width: screenWidth(), height: 240 });
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    return () => {
      gone = true;
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
      plot?.destroy();
    };
  }, [report, label, t, i18n.language]);
  return <div ref={ref} className="chart" data-testid="report-chart" />;
}
