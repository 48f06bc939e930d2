// Tickets, served and average wait per day/week/month of a report (uPlot). The x axis is the
// report's own periods (hall-local days), so no browser time zone or 12-hour clock can creep in.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Report } from '../../server/reports/ReportQuery.ts';

export function ReportChart({ report, label }: { report: Report; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const s = report.series;
    const periods = s.map((x) => x.period);
    const data: uPlot.AlignedData = [
      s.map((_, i) => i),
      s.map((x) => x.issued),
      s.map((x) => x.served),
      s.map((x) => (x.avgWaitSeconds === null ? null : Math.round(x.avgWaitSeconds / 6) / 10)),
    ];
    const short = (p: string) => (report.period === 'month' ? `${Number(p.slice(5, 7))}月` : `${Number(p.slice(5, 7))}/${Number(p.slice(8, 10))}`);
    const plot = new uPlot(
      {
        width: Math.max(320, el.clientWidth),
        height: 240,
        title: label,
        series: [
          { label: '日期', value: (_u, v) => (v === null ? '' : (periods[v] ?? '')) },
          { label: '取号', stroke: '#2471a3', width: 2, scale: 'n' },
          { label: '办结', stroke: '#229954', width: 2, scale: 'n' },
          { label: '平均等候(分)', stroke: '#c0392b', width: 2, dash: [6, 4], scale: 'min' },
        ],
        scales: { x: { time: false }, n: {}, min: {} },
        axes: [
          { values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) && periods[v] ? short(periods[v]) : '')), font: '12px "Noto Sans CJK SC", sans-serif' },
          { scale: 'n', label: '人次', font: '12px "Noto Sans CJK SC", sans-serif' },
          { scale: 'min', side: 1, label: '分钟', grid: { show: false }, font: '12px "Noto Sans CJK SC", sans-serif' },
        ],
      },
      data,
      el,
    );
    return () => plot.destroy();
  }, [report, label]);
  return <div ref={ref} className="chart" data-testid="report-chart" />;
}
