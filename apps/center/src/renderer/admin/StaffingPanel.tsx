// 调流: the hall map grouped by zone (a supervisor sees their zones), with the open alarms on top.
// Per window: open it with a staff member, close (the citizen at the counter goes back to their
// place), pause/resume, and change what it serves and how it calls for the rest of the day.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { localName, localText } from '@hallkit/core';
import { api, ApiError, live } from '../api/http.ts';
import { hallTime } from '../common/format.ts';
import type { AlarmRow, StaffingView, StaffingWindow } from '../api/types.ts';

type Feed = { map: StaffingView; alarms: AlarmRow[] };

export function alarmText(a: AlarmRow, map: StaffingView, t: TFunction, lang: string): string {
  const cat = map.categories.find((c) => c.id === a.categoryId);
  const name = cat ? `${cat.prefix} ${localName(cat, lang)}` : '';
  const since = hallTime(a.raisedAt);
  if (a.kind === 'stranded-category') return t('staffing.stranded', { name, waiting: a.detail.waiting, since });
  if (a.kind === 'long-wait') return t('staffing.longWait', { name, threshold: a.detail.threshold, since });
  return t('staffing.unstaffed', { number: a.detail.number, since });
}

/** A refusal in the screen's language, by its code (the center's message is Simplified Chinese). */
function refusalText(e: ApiError, w: StaffingWindow, map: StaffingView | undefined, body: unknown, t: TFunction): string {
  const staffNo = typeof body === 'object' && body !== null && 'staffNo' in body ? String(body.staffNo) : '';
  const name = map?.staff.find((s) => s.staffNo === staffNo)?.name ?? staffNo;
  if (e.code === 'window-not-allowed' || e.code === 'unknown-staff') return t(`staffing.refused.${e.code}`, { name, staffNo, number: w.number });
  return t(`error.${e.code}`, { defaultValue: e.message });
}

export function StaffingPanel() {
  const { t, i18n } = useTranslation();
  const [feed, setFeed] = useState<Feed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  useEffect(() => live<Feed>('/api/staffing/live', setFeed, () => undefined), []);
  if (!feed) return <div className="loading">…</div>;
  const act = async (w: StaffingWindow, action: string, body: unknown = {}) => {
    setError(null);
    try {
      await api(`/api/staffing/windows/${w.id}/${action}`, body);
      setEditing(null);
    } catch (e) {
      setError(e instanceof ApiError ? refusalText(e, w, feed?.map, body, t) : t('staffing.network'));
    }
  };
  const { map, alarms } = feed;
  return (
    <section className="staffing">
      <div className={`card alarms ${alarms.length ? 'has' : ''}`} data-testid="alarms">
        <h2>{t('staffing.alarms')} {alarms.length ? `(${alarms.length})` : ''}</h2>
        {alarms.length === 0 ? <p className="note">{t('staffing.noAlarms')}</p> : (
          <ul>
            {alarms.map((a) => (
              <li key={a.id} data-testid={`alarm-${a.key}`} className={a.kind}>{alarmText(a, map, t, i18n.language)}</li>
            ))}
          </ul>
        )}
      </div>
      {error && <p className="error" role="alert" data-testid="staffing-error">{error}</p>}
      <div className="card">
        <h2>{t('staffing.categories')}</h2>
        <div className="cat-chips">
          {map.categories.map((c) => (
            <span key={c.id} className={`chip ${c.waiting > 0 && c.openWindows === 0 ? 'bad' : ''}`}>
              {t('staffing.chip', { prefix: c.prefix, name: localName(c, i18n.language), waiting: c.waiting, count: c.openWindows })}
            </span>
          ))}
        </div>
      </div>
      <div className="zone-map">
      {map.zones.map((z) => (
        <details key={z.id} className="card zone" open={z.windows.some((w) => w.status !== 'closed') || alarms.some((a) => a.zoneId === z.id)}>
          <summary>
            <strong>{localName(z, i18n.language)}</strong> {localText(z.location, z.locationI18n, i18n.language) ?? ''} · {t('staffing.zoneOpen', { open: z.windows.filter((w) => w.status !== 'closed').length, total: z.windows.length })}
          </summary>
          <div className="window-grid">
            {z.windows.map((w) => (
              <div key={w.id} className={`win ${w.status} ${w.status !== 'closed' && !w.loggedIn ? 'unstaffed' : ''} ${editing === w.id ? 'editing' : ''}`} data-testid={`win-${w.id}`}>
                <button className="win-head" onClick={() => setEditing(editing === w.id ? null : w.id)} aria-expanded={editing === w.id}>
                  <b>{w.number}</b> {w.label ? <span className="win-label" data-testid={`win-label-${w.id}`}>{localText(w.label, w.labelI18n, i18n.language)}</span> : null} {t(`staffing.status.${w.status}`)} {w.staff ? `· ${w.staff.name}` : ''} {w.currentTicket ? `· ${w.currentTicket}` : ''}
                  {w.assignedBy ? t('staffing.assigned') : ''}
                </button>
                {editing === w.id && <WindowEditor w={w} map={map} act={act} />}
              </div>
            ))}
          </div>
        </details>
      ))}
      </div>
    </section>
  );
}

function WindowEditor({ w, map, act }: { w: StaffingWindow; map: StaffingView; act: (w: StaffingWindow, action: string, body?: unknown) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [staffNo, setStaffNo] = useState(w.staff?.id ?? '');
  const [cats, setCats] = useState<string[]>(w.categoryIds);
  const [rule, setRule] = useState(w.rule.mode === 'strict' ? 'strict' : `${w.rule.priority}:${w.rule.normal}`);
  const ruleBody = () => {
    if (rule === 'strict') return { mode: 'strict' as const };
    const [p, n] = rule.split(':').map(Number);
    return { mode: 'interleave' as const, priority: p ?? 1, normal: n ?? 2 };
  };
  return (
    <div className="win-edit">
      <div className="row">
        <label>
          {t('staffing.staff')}
          <select value={staffNo} onChange={(e) => setStaffNo(e.target.value)} data-testid="staff-select">
            <option value="">—</option>
            {map.staff.filter((s) => !s.disabled).map((s) => (
              <option key={s.staffNo} value={s.staffNo}>{s.name}（{s.staffNo}）</option>
            ))}
          </select>
        </label>
        <button disabled={!staffNo} onClick={() => void act(w, 'open', { staffNo })} data-testid="open-window">{t('staffing.open')}</button>
        {w.status === 'open' && <button className="secondary" onClick={() => void act(w, 'pause', { reason: t('staffing.pauseReason', { lng: 'zh-CN' }) })}>{t('staffing.pause')}</button>}
        {w.status === 'paused' && <button className="secondary" onClick={() => void act(w, 'resume')}>{t('staffing.resume')}</button>}
        {w.status !== 'closed' && <button className="secondary" onClick={() => void act(w, 'close', { atCounter: 'hand-back' })}>{t('staffing.close')}</button>}
      </div>
      <fieldset>
        <legend>{t('staffing.today')}</legend>
        {map.categories.map((c) => (
          <label key={c.id} className="check">
            <input type="checkbox" checked={cats.includes(c.id)} onChange={(e) => setCats(e.target.checked ? [...cats, c.id] : cats.filter((x) => x !== c.id))} />
            {c.prefix} {localName(c, i18n.language)}
          </label>
        ))}
        <div className="row">
          <label>
            {t('staffing.rule')}
            <select value={rule} onChange={(e) => setRule(e.target.value)}>
              <option value="strict">{t('staffing.strict')}</option>
              <option value="1:2">{t('staffing.r12')}</option>
              <option value="1:1">{t('staffing.r11')}</option>
              <option value="2:1">{t('staffing.r21')}</option>
            </select>
          </label>
          <button disabled={cats.length === 0} onClick={() => void act(w, 'assign', { categoryIds: cats, rule: ruleBody() })} data-testid="assign-window">{t('staffing.assign')}</button>
          {w.assignedBy && <button className="secondary" onClick={() => void act(w, 'unassign')}>{t('staffing.unassign')}</button>}
        </div>
      </fieldset>
    </div>
  );
}
