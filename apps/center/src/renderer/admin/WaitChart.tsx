// Waiting people per category over the last hours (uPlot): times on the hall's clock (its zone,
// 24 h, never the browser's), labels in the console's language, drawn in Noto Sans SC — the canvas
// has no fallback to CJK system fonts on a machine without them, so the font is loaded first.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { AdminView } from '../api/types.ts';
import { clock, dayTime, hallTime, hallTimeZone } from '../common/format.ts';

const COLORS = ['#c0392b', '#2471a3', '#229954', '#d68910', '#7d3c98', '#17a589', '#839192', '#a04000', '#1f618d', '#b03a2e', '#196f3d', '#6c3483'];
const FONT_FAMILY = '"Noto Sans SC", "Noto Sans CJK SC", sans-serif';
const AXIS_FONT = `12px ${FONT_FAMILY}`;
const LABEL_FONT = `bold 13px ${FONT_FAMILY}`;

export function WaitChart({ view, label }: { view: AdminView; label: string }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let plot: uPlot | undefined;
    let gone = false;
    const cats = view.snapshot.categories;
    const times = [...new Set(view.samples.map((s) => s.at))].sort((a, b) => a - b);
    // A fresh center has no samples yet: the axis still shows the last half hour on the hall's clock.
    if (times.length < 2) times.unshift(Math.min(times[0] ?? Date.now(), Date.now()) - 1_800_000);
    if (times.length < 2) times.push(Date.now());
    const index = new Map(times.map((at, i) => [at, i]));
    const series = cats.map(() => times.map(() => null as number | null));
    const catIndex = new Map(cats.map((c, i) => [c.id, i]));
    for (const s of view.samples) {
      const ci = catIndex.get(s.categoryId);
      const ti = index.get(s.at);
      if (ci !== undefined && ti !== undefined) (series[ci] as (number | null)[])[ti] = s.waiting;
    }
    const data = [times.map((at) => at / 1000), ...series] as uPlot.AlignedData;
    const people = t('admin.chartPeople');
    const zone = hallTimeZone();
    const draw = () => {
      if (gone) return;
      plot = new uPlot(
        {
          width: Math.max(320, el.clientWidth),
          height: 220,
          title: label,
          // Splits and the legend on the hall's clock.
          tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), zone),
          series: [
            { label: t('admin.chartTime'), value: (_u, v) => (v === null ? '—' : dayTime(v * 1000)) },
            ...cats.map((c, i) => ({ label: `${c.prefix} ${c.name}`, stroke: COLORS[i % COLORS.length], width: 2, value: (_u: uPlot, v: number | null) => (v === null ? '—' : `${v} ${people}`) })),
          ],
          axes: [
            // Seconds only when the chart spans minutes (right after start-up).
            { font: AXIS_FONT, labelFont: LABEL_FONT, space: 70, values: (_u, splits) => splits.map((s) => ((splits.at(-1) ?? 0) - (splits[0] ?? 0) < 600 ? clock(s * 1000) : hallTime(s * 1000))) },
            { font: AXIS_FONT, labelFont: LABEL_FONT, label: people },
          ],
          scales: { x: { time: true } },
        },
        data,
        el,
      );
    };
    // The CJK glyphs the canvas will need (title, axis label) are fetched before drawing.
    void document.fonts
      .load(AXIS_FONT, `${label}${people}0123456789:`)
      .then(() => document.fonts.load(LABEL_FONT, `${label}${people}`))
      .catch(() => undefined)
      .then(draw);
    return () => {
      gone = true;
      plot?.destroy();
    };
  }, [view.samples, view.snapshot.categories, label, t, i18n.language]);
  return <div ref={ref} className="chart" data-testid="wait-chart" />;
}
