// ★ 推演 (what-if) for the director: pick a past hall-day, change its window plan ("move five windows
// from A to E after 10:00", "open two more 社保 windows 9:00–12:00"), and see the day's real arrivals
// replayed through the real core — waits as it happened and with the changed plan, side by side, for
// the whole hall, per category and per hour.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/http.ts';
import { localName, type NameTranslations, type PlanProblem } from '@hallkit/core';
import type { WhatIfResult, WaitFigures } from '../../server/reports/WhatIf.ts';

interface Options {
  days: string[];
  zones: { id: string; name: string; i18n?: NameTranslations; windows: number }[];
  categories: { id: string; name: string; i18n?: NameTranslations; zoneId: string }[];
}
type Change =
  | { kind: 'move'; count: number; fromZoneId: string; toZoneId: string; fromMinute: number }
  | { kind: 'add'; count: number; target: string; fromMinute: number; toMinute: number };

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutes = (v: string) => {
  const [h, m] = v.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export function WhatIfPanel() {
  const { t, i18n } = useTranslation();
  const [options, setOptions] = useState<Options>();
  const [day, setDay] = useState('');
  const [changes, setChanges] = useState<Change[]>([]);
  const [result, setResult] = useState<WhatIfResult>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const fail = (e: unknown) => setError(e instanceof ApiError ? t(`error.${e.code}`, { defaultValue: e.message }) : t('error.network'));

  useEffect(() => {
    api<Options>('/api/admin/whatif/options').then((o) => {
      setOptions(o);
      setDay(o.days[0] ?? '');
      const [a, b] = o.zones.filter((z) => z.windows > 0);
      if (a) setChanges([b ? { kind: 'move', count: 1, fromZoneId: a.id, toZoneId: b.id, fromMinute: 600 } : { kind: 'add', count: 2, target: `zone:${a.id}`, fromMinute: 540, toMinute: 720 }]);
    }, fail);
  }, []);

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const body = {
        v: 1,
        day,
        changes: changes.map((c) => {
          if (c.kind === 'move') return c;
          const [k, id] = c.target.split(':');
          return { kind: 'add', count: c.count, fromMinute: c.fromMinute, toMinute: c.toMinute, ...(k === 'zone' ? { zoneId: id } : { categoryId: id }) };
        }),
      };
      setResult(await api<WhatIfResult>('/api/admin/whatif', body));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const set = (i: number, c: Change) => setChanges(changes.map((x, j) => (j === i ? c : x)));
  // Zones and categories in the console's language (the hall file's translations, else Simplified).
  const named = (n: { name: string; i18n?: NameTranslations | undefined }) => localName(n, i18n.language);
  const zoneName = (id: string) => {
    const z = options?.zones.find((x) => x.id === id);
    return z ? named(z) : id;
  };
  const min = (s: number | null) => (s === null ? '—' : t('reports.minutes', { n: (s / 60).toFixed(1) }));
  const delta = (a: WaitFigures, b: WaitFigures) => {
    if (a.avgWaitSeconds === null || b.avgWaitSeconds === null) return '';
    const d = (b.avgWaitSeconds - a.avgWaitSeconds) / 60;
    return `${d > 0 ? '+' : ''}${d.toFixed(1)}`;
  };
  /** Core says what a plan cannot carry as a code with its figures; the director reads it in the console's language. */
  const problem = (p: PlanProblem) => {
    switch (p.code) {
      case 'too-few-staffed':
        return t('whatIf.problem.too-few-staffed', { n: p.staffed, asked: p.asked, zone: zoneName(p.zoneId) });
      case 'zone-without-windows':
        return t('whatIf.problem.zone-without-windows', { zone: zoneName(p.zoneId) });
      case 'add-without-target':
        return t('whatIf.problem.add-without-target');
    }
  };
  if (!options) return error ? <p className="error" role="alert">{error}</p> : <div className="loading">…</div>;
  if (options.days.length === 0) return <p className="card">{t('whatIf.noDays')}</p>;
  const zoneSelect = (value: string, onChange: (v: string) => void, label: string) => (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {options.zones.map((z) => (
        <option key={z.id} value={z.id}>
          {named(z)}
        </option>
      ))}
    </select>
  );
  return (
    <section className="whatif">
      <div className="card">
        <h2>{t('whatIf.title')}</h2>
        <p className="note">{t('whatIf.intro')}</p>
        <p>
          <label>
            {t('whatIf.day')}{' '}
            <select value={day} onChange={(e) => setDay(e.target.value)} data-testid="whatif-day">
              {options.days.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
          </label>
        </p>
        <ol className="whatif-changes">
          {changes.map((c, i) => (
            <li key={i} data-testid={`whatif-change-${i}`}>
              <select aria-label={t('whatIf.kindLabel', { n: i + 1 })} value={c.kind} onChange={(e) => set(i, e.target.value === 'move' ? { kind: 'move', count: c.count, fromZoneId: options.zones[0]?.id ?? '', toZoneId: options.zones[1]?.id ?? '', fromMinute: c.fromMinute } : { kind: 'add', count: c.count, target: `zone:${options.zones[0]?.id ?? ''}`, fromMinute: c.fromMinute, toMinute: 1020 })}>
                <option value="move">{t('whatIf.move')}</option>
                <option value="add">{t('whatIf.add')}</option>
              </select>{' '}
              <input aria-label={t('whatIf.countLabel', { n: i + 1 })} type="number" min={1} max={50} value={c.count} onChange={(e) => set(i, { ...c, count: Math.max(1, Number(e.target.value) || 1) })} style={{ width: '4em' }} /> {t('whatIf.windows')}{' '}
              {c.kind === 'move' ? (
                <>
                  {t('whatIf.fromZone')} {zoneSelect(c.fromZoneId, (v) => set(i, { ...c, fromZoneId: v }), t('whatIf.fromZoneLabel', { n: i + 1 }))} {t('whatIf.toZone')} {zoneSelect(c.toZoneId, (v) => set(i, { ...c, toZoneId: v }), t('whatIf.toZoneLabel', { n: i + 1 }))} {t('whatIf.after')}{' '}
                  <input aria-label={t('whatIf.fromLabel', { n: i + 1 })} type="time" value={hhmm(c.fromMinute)} onChange={(e) => set(i, { ...c, fromMinute: minutes(e.target.value) })} />
                </>
              ) : (
                <>
                  {t('whatIf.for')}{' '}
                  <select aria-label={t('whatIf.targetLabel', { n: i + 1 })} value={c.target} onChange={(e) => set(i, { ...c, target: e.target.value })}>
                    <optgroup label={t('whatIf.zones')}>
                      {options.zones.map((z) => (
                        <option key={z.id} value={`zone:${z.id}`}>
                          {named(z)}
                        </option>
                      ))}
                    </optgroup>
                    <optgroup label={t('whatIf.categories')}>
                      {options.categories.map((k) => (
                        <option key={k.id} value={`category:${k.id}`}>
                          {t('whatIf.categoryInZone', { category: named(k), zone: zoneName(k.zoneId) })}
                        </option>
                      ))}
                    </optgroup>
                  </select>{' '}
                  <input aria-label={t('whatIf.fromLabel', { n: i + 1 })} type="time" value={hhmm(c.fromMinute)} onChange={(e) => set(i, { ...c, fromMinute: minutes(e.target.value) })} /> –{' '}
                  <input aria-label={t('whatIf.toLabel', { n: i + 1 })} type="time" value={hhmm(c.toMinute)} onChange={(e) => set(i, { ...c, toMinute: minutes(e.target.value) })} />
                </>
              )}{' '}
              <button className="secondary" onClick={() => setChanges(changes.filter((_, j) => j !== i))} aria-label={t('whatIf.removeLabel', { n: i + 1 })}>
                ✕
              </button>
            </li>
          ))}
        </ol>
        <p className="actions">
          <button className="secondary" onClick={() => setChanges([...changes, { kind: 'add', count: 1, target: `zone:${options.zones[0]?.id ?? ''}`, fromMinute: 540, toMinute: 1020 }])} disabled={changes.length >= 20}>
            {t('whatIf.addChange')}
          </button>
          <button onClick={() => void run()} disabled={busy || !day} data-testid="whatif-run">
            {busy ? t('whatIf.running') : t('whatIf.run')}
          </button>
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
      {result && (
        <div className="card" data-testid="whatif-result">
          <h2>{t('whatIf.resultTitle', { day: result.day })}</h2>
          {result.problems.length > 0 && (
            <ul className="warn" role="alert" data-testid="whatif-problems">
              {result.problems.map((p, i) => (
                <li key={i} data-code={p.code}>
                  {problem(p)}
                </li>
              ))}
            </ul>
          )}
          <div className="whatif-summary">
            <div>
              <h3>{t('whatIf.asPlanned')}</h3>
              <p className="big-number small" data-testid="whatif-avg-planned">{min(result.asPlanned.avgWaitSeconds)}</p>
              <p className="note">{t('whatIf.p90', { v: min(result.asPlanned.p90WaitSeconds) })} · {t('whatIf.tickets', { n: result.asPlanned.tickets })}</p>
            </div>
            <div>
              <h3>{t('whatIf.whatIf')}</h3>
              <p className="big-number small" data-testid="whatif-avg-changed">{min(result.whatIf.avgWaitSeconds)}</p>
              <p className="note">{t('whatIf.p90', { v: min(result.whatIf.p90WaitSeconds) })} · {t('whatIf.tickets', { n: result.whatIf.tickets })}</p>
            </div>
          </div>
          <table data-testid="whatif-by-category">
            <thead>
              <tr>
                <th>{t('whatIf.category')}</th>
                <th>{t('whatIf.ticketsHead')}</th>
                <th>{t('whatIf.avgPlanned')}</th>
                <th>{t('whatIf.avgChanged')}</th>
                <th>{t('whatIf.change')}</th>
                <th>{t('whatIf.p90Planned')}</th>
                <th>{t('whatIf.p90Changed')}</th>
              </tr>
            </thead>
            <tbody>
              {result.byCategory.map((r) => (
                <tr key={r.categoryId}>
                  <td>{named(r)}</td>
                  <td>{r.asPlanned.tickets}</td>
                  <td>{min(r.asPlanned.avgWaitSeconds)}</td>
                  <td>{min(r.whatIf.avgWaitSeconds)}</td>
                  <td>{delta(r.asPlanned, r.whatIf)}</td>
                  <td>{min(r.asPlanned.p90WaitSeconds)}</td>
                  <td>{min(r.whatIf.p90WaitSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('whatIf.byHour')}</h3>
          <table data-testid="whatif-by-hour">
            <thead>
              <tr>
                <th>{t('whatIf.hour')}</th>
                <th>{t('whatIf.avgPlanned')}</th>
                <th>{t('whatIf.avgChanged')}</th>
                <th>{t('whatIf.change')}</th>
              </tr>
            </thead>
            <tbody>
              {result.byHour.map((r) => (
                <tr key={r.hour}>
                  <td>{`${String(r.hour).padStart(2, '0')}:00`}</td>
                  <td>{min(r.asPlanned.avgWaitSeconds)}</td>
                  <td>{min(r.whatIf.avgWaitSeconds)}</td>
                  <td>{delta(r.asPlanned, r.whatIf)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
