// 预约号源: each queue category's appointment plan (days, slots and places, booking rules), as the
// phone booking page (/m/book) offers it. Saved through /api/m/admin/slot-plans, which validates
// and writes the audit log; what it refuses is shown field by field.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/http.ts';
import type { SlotPlan, SlotPlanIssue, SlotPlanList } from '../api/types.ts';
import { checkDraft, concerns, draftOf, hhmm, inTimeOrder, issueReason, issueText, LIMITS, nextSlot, planOf, type DraftIssue, type PlanDraft, type SlotDraft } from './slotPlanDraft.ts';

type Category = SlotPlanList['categories'][number];
/** Monday first, as a Chinese calendar reads; the plan counts 0 = Sunday. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];
const PATH = '/api/m/admin/slot-plans';

export function SlotPlansPanel() {
  const { t } = useTranslation();
  const [list, setList] = useState<Category[]>();
  const [loadError, setLoadError] = useState<string>();
  const [selected, setSelected] = useState<string>();
  /** Bumped after a save, so the editor starts again from what the server now holds. */
  const [revision, setRevision] = useState(0);
  /** Which editor (category/revision) opens saying 「已保存」. */
  const [savedKey, setSavedKey] = useState<string>();
  const load = useCallback(async () => {
    try {
      setList((await api<SlotPlanList>(PATH)).categories);
      setLoadError(undefined);
    } catch (e) {
      setLoadError(e instanceof ApiError ? t(`error.${e.code}`, { defaultValue: e.message }) : t('error.network'));
    }
  }, [t]);
  useEffect(() => void load(), [load]);

  const category = list?.find((c) => c.id === selected);
  return (
    <section className="slot-plans">
      <div className="card">
        <h2>{t('slots.title')}</h2>
        <p className="note">{t('slots.intro')}</p>
        {loadError && (
          <p className="error" role="alert">
            {loadError}
          </p>
        )}
        {list && <PlanList list={list} selected={selected} onSelect={setSelected} />}
      </div>
      {category && (
        <PlanEditor
          key={`${category.id}/${revision}`}
          category={category}
          justSaved={savedKey === `${category.id}/${revision}`}
          onSaved={async () => {
            await load();
            setSavedKey(`${category.id}/${revision + 1}`);
            setRevision(revision + 1);
          }}
        />
      )}
    </section>
  );
}

function PlanList({ list, selected, onSelect }: { list: Category[]; selected: string | undefined; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const days = (p: SlotPlan) =>
    p.workingDaysOnly ? t('slots.workingDays') : p.weekdays.length === 7 ? t('slots.everyDay') : WEEK.filter((d) => p.weekdays.includes(d)).map((d) => t(`slots.weekday.${d}`)).join('、') || '—';
  return (
    <table data-testid="slot-plan-list">
      <thead>
        <tr>
          <th>{t('slots.category')}</th>
          <th>{t('slots.status')}</th>
          <th>{t('slots.days')}</th>
          <th>{t('slots.slotsLegend')}</th>
          <th>{t('slots.perDay')}</th>
          <th>{t('slots.daysAhead')}</th>
          <th>{t('slots.sameDay')}</th>
          <td />
        </tr>
      </thead>
      <tbody>
        {list.map(({ id, name, plan }) => (
          <tr key={id} data-testid={`plan-${id}`} className={id === selected ? 'selected' : ''}>
            <td>{name}</td>
            <td>{plan ? <span className={`badge ${plan.enabled ? 'ok' : 'warn'}`}>{plan.enabled ? t('slots.on') : t('slots.off')}</span> : <span className="badge">{t('slots.none')}</span>}</td>
            <td>{plan ? days(plan) : '—'}</td>
            <td>
              {plan && plan.slots.length > 0
                ? t('slots.slotCount', { n: plan.slots.length, from: hhmm(Math.min(...plan.slots.map((s) => s.from))), to: hhmm(Math.max(...plan.slots.map((s) => s.to))) })
                : '—'}
            </td>
            <td>{plan ? plan.slots.reduce((n, s) => n + s.capacity, 0) : '—'}</td>
            <td>{plan ? t('slots.nDays', { n: plan.daysAhead }) : '—'}</td>
            <td>{plan ? (plan.sameDay ? t('slots.yes') : t('slots.no')) : '—'}</td>
            <td>
              <button className="secondary" data-testid={`edit-${id}`} onClick={() => onSelect(id)}>
                {plan ? t('slots.edit') : t('slots.setUp')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PlanEditor({ category, justSaved, onSaved }: { category: Category; justSaved: boolean; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PlanDraft>(() => draftOf(category.plan ?? category.suggested));
  const [refused, setRefused] = useState<{ issues: SlotPlanIssue[] } | { message: string }>();
  const [saved, setSaved] = useState(justSaved);
  const [busy, setBusy] = useState(false);
  const issues = checkDraft(draft);
  const form = useRef<HTMLFormElement>(null);
  // The list is long (every category): bring a newly chosen category's editor into view (not
  // after a save, which would scroll the 「已保存」 line away).
  useEffect(() => {
    if (!justSaved) form.current?.scrollIntoView({ block: 'start' });
  }, []); // once, when opened
  const change = (patch: Partial<PlanDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };
  const setSlot = (key: number, patch: Partial<SlotDraft>) => change({ slots: draft.slots.map((s) => (s.key === key ? { ...s, ...patch } : s)) });
  // The first finding about a field or row, said next to it while typing.
  const about = (path: DraftIssue['path']) => issues.find((i) => concerns(i, path));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setRefused(undefined);
    const sorted = inTimeOrder(draft);
    setDraft(sorted);
    try {
      await api(PATH, planOf(sorted));
      await onSaved(); // the editor starts again from the saved plan, saying it was saved
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.detail.issues)) setRefused({ issues: err.detail.issues as SlotPlanIssue[] });
      else setRefused({ message: err instanceof ApiError ? t(`error.${err.code}`, { defaultValue: err.message }) : t('error.network') });
    } finally {
      setBusy(false);
    }
  };

  const numberField = (label: string, field: 'daysAhead' | 'earlyMinutes' | 'lateMinutes' | 'perIdPerDay', path: DraftIssue['path'], limits: readonly [number, number], unit?: string) => {
    const issue = about(path);
    return (
      <label className="field">
        <span>{label}</span>
        <span>
          <input name={field} type="number" min={limits[0]} max={limits[1]} step={1} aria-invalid={Boolean(issue)} value={draft[field]} onChange={(e) => change({ [field]: e.target.value })} /> {unit}
        </span>
        {issue && <small className="issue">{issueReason(issue, t)}</small>}
      </label>
    );
  };

  return (
    <form ref={form} className="card slot-plan-editor" data-testid="slot-plan-editor" onSubmit={(e) => void save(e)} noValidate>
      <h2>{t('slots.editTitle', { name: category.name })}</h2>
      {!category.plan && <p className="notice">{t('slots.newPlan')}</p>}
      <label className="check">
        <input type="checkbox" name="enabled" checked={draft.enabled} onChange={(e) => change({ enabled: e.target.checked })} />
        {t('slots.enabledLabel')}
      </label>

      <fieldset>
        <legend>{t('slots.dates')}</legend>
        <label className="check">
          <input type="checkbox" name="workingDaysOnly" checked={draft.workingDaysOnly} onChange={(e) => change({ workingDaysOnly: e.target.checked })} />
          {t('slots.workingDaysOnlyLabel')}
        </label>
        <div className="row weekdays" role="group" aria-label={t('slots.weekdays')}>
          {WEEK.map((d) => (
            <label key={d} className="check">
              <input
                type="checkbox"
                name={`weekday-${d}`}
                disabled={draft.workingDaysOnly}
                checked={draft.weekdays.includes(d)}
                onChange={(e) => change({ weekdays: e.target.checked ? [...draft.weekdays, d] : draft.weekdays.filter((x) => x !== d) })}
              />
              {t(`slots.weekday.${d}`)}
            </label>
          ))}
        </div>
        <small className="note">{draft.workingDaysOnly ? t('slots.weekdaysIgnored') : t('slots.weekdaysUsed')}</small>
      </fieldset>

      <fieldset>
        <legend>{t('slots.slotsLegend')}</legend>
        <table className="slot-table" data-testid="slot-rows">
          <thead>
            <tr>
              <td />
              <th>{t('slots.from')}</th>
              <th>{t('slots.to')}</th>
              <th>{t('slots.capacity')}</th>
              <td />
              <td />
            </tr>
          </thead>
          <tbody>
            {draft.slots.map((s, i) => {
              const issue = about(['slots', i]);
              // A row-level finding (order, overlap) is about its times, not its places.
              const cell = (c: 'from' | 'to' | 'capacity') => Boolean(about(['slots', i, c])) || (c !== 'capacity' && issue?.path.length === 2);
              const label = t('slots.slotN', { n: i + 1 });
              return (
                <tr key={s.key} className={issue ? 'invalid' : ''} data-testid="slot-row">
                  <td>{i + 1}</td>
                  <td>
                    <input name="from" aria-label={`${label} ${t('slots.from')}`} inputMode="numeric" placeholder="09:00" size={5} aria-invalid={cell('from')} value={s.from} onChange={(e) => setSlot(s.key, { from: e.target.value })} />
                  </td>
                  <td>
                    <input name="to" aria-label={`${label} ${t('slots.to')}`} inputMode="numeric" placeholder="09:30" size={5} aria-invalid={cell('to')} value={s.to} onChange={(e) => setSlot(s.key, { to: e.target.value })} />
                  </td>
                  <td>
                    <input name="capacity" aria-label={`${label} ${t('slots.capacity')}`} type="number" min={LIMITS.capacity[0]} max={LIMITS.capacity[1]} step={1} aria-invalid={cell('capacity')} value={s.capacity} onChange={(e) => setSlot(s.key, { capacity: e.target.value })} />
                  </td>
                  <td>
                    <button type="button" className="secondary" aria-label={`${t('slots.remove')} ${label}`} onClick={() => change({ slots: draft.slots.filter((x) => x.key !== s.key) })}>
                      {t('slots.remove')}
                    </button>
                  </td>
                  <td className="issue" data-testid="slot-issue">
                    {/* An overlap is found on the later row; the earlier one names the later. */}
                    {issue ? (issue.other === i ? t('slots.issue.overlapWith', { n: Number(issue.path[1]) + 1 }) : issueReason(issue, t)) : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {draft.slots.length === 0 && <p className="note">{t('slots.noSlots')}</p>}
        <button type="button" className="secondary" data-testid="add-slot" disabled={draft.slots.length >= LIMITS.slots} onClick={() => change({ slots: [...draft.slots, nextSlot(draft.slots)] })}>
          {t('slots.add')}
        </button>
      </fieldset>

      <fieldset className="rules">
        <legend>{t('slots.rules')}</legend>
        {numberField(t('slots.daysAhead'), 'daysAhead', ['daysAhead'], LIMITS.daysAhead, t('slots.daysUnit'))}
        <label className="check">
          <input type="checkbox" name="sameDay" checked={draft.sameDay} onChange={(e) => change({ sameDay: e.target.checked })} />
          {t('slots.sameDayLabel')}
        </label>
        {numberField(t('slots.early'), 'earlyMinutes', ['checkIn', 'earlyMinutes'], LIMITS.earlyMinutes, t('slots.minutesUnit'))}
        {numberField(t('slots.late'), 'lateMinutes', ['checkIn', 'lateMinutes'], LIMITS.lateMinutes, t('slots.minutesUnit'))}
        {numberField(t('slots.perIdPerDay'), 'perIdPerDay', ['perIdPerDay'], LIMITS.perIdPerDay, t('slots.timesUnit'))}
      </fieldset>

      {refused && (
        <div className="error" role="alert" data-testid="plan-refused">
          {'issues' in refused ? (
            <>
              {t('slots.refused')}
              <ul>
                {refused.issues.map((i, n) => (
                  <li key={n}>{issueText(i, t)}</li>
                ))}
              </ul>
            </>
          ) : (
            refused.message
          )}
        </div>
      )}
      {saved && (
        <p className="saved" role="status" data-testid="plan-saved">
          {t('slots.saved')}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('slots.save')}
        </button>
        <button type="button" className="secondary" onClick={() => (setDraft(draftOf(category.plan ?? category.suggested)), setRefused(undefined), setSaved(false))}>
          {t('slots.reset')}
        </button>
        {category.plan && (
          <button type="button" className="secondary" onClick={() => change(draftOf(category.suggested))}>
            {t('slots.useSuggested')}
          </button>
        )}
      </div>
    </form>
  );
}
