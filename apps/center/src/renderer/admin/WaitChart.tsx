// Waiting people per category over the last hours (uPlot).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { AdminView } from '../api/types.ts';

const COLORS = ['#c0392b', '#2471a3', '#229954', '#d68910', '#7d3c98', '#17a589', '#839192', '#a04000', '#1f618d', '#b03a2e', '#196f3d', '#6c3483'];

export function WaitChart({ view, label }: { view: AdminView; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const cats = view.snapshot.categories;
    const times = [...new Set(view.samples.map((s) => s.at))].sort((a, b) => a - b);
    const index = new Map(times.map((t, i) => [t, i]));
    const series = cats.map(() => times.map(() => null as number | null));
    const catIndex = new Map(cats.map((c, i) => [c.id, i]));
    for (const s of view.samples) {
      const ci = catIndex.get(s.categoryId);
      const ti = index.get(s.at);
      if (ci !== undefined && ti !== undefined) (series[ci] as (number | null)[])[ti] = s.waiting;
    }
    const data = [times.map((t) => t / 1000), ...series] as uPlot.AlignedData;
    const plot = new uPlot(
      {
        width: Math.max(320, el.clientWidth),
        height: 220,
        title: label,
        series: [{}, ...cats.map((c, i) => ({ label: `${c.prefix} ${c.name}`, stroke: COLORS[i % COLORS.length], width: 2 }))],
        axes: [{}, { label: '人' }],
        scales: { x: { time: true } },
      },
      data,
      el,
    );
    return () => plot.destroy();
  }, [view.samples, view.snapshot.categories, label]);
  return <div ref={ref} className="chart" data-testid="wait-chart" />;
}
