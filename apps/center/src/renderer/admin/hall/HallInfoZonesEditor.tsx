// Hall info (name and its translations, address, time zone, public address, region code) and the zones (功能区)
// with floor/location text and translated names. Problems show at the field as they are typed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSLATION_MAX, type DefinitionProblem } from '@hallkit/core';
import { setTranslation } from './setTranslation.ts';
import { useProblemText } from './hallProblemText.ts';
import { TranslationCells } from './TranslationCells.tsx';
import type { EditorProps } from './HallDefinitionPanel.tsx';

const TIME_ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'];

function Problems({ messages }: { messages: DefinitionProblem[] }) {
  const say = useProblemText();
  return (
    <>
      {messages.map((p, i) => (
        <span key={i} className={p.severity === 'error' ? 'field-error' : 'field-warning'} role="alert">
          {say(p)}
        </span>
      ))}
    </>
  );
}

export function HallInfoZonesEditor({ draft, change, problemsAt }: EditorProps) {
  const { t } = useTranslation();
  const hall = draft.catalog.hall;
  const at = (f: string) => problemsAt(['catalog', 'hall', f]);
  const text = (f: 'name' | 'address' | 'timeZone' | 'publicUrl' | 'regionCode', optional: boolean) => (
    <label className="policy-field" key={f}>
      <span>{t(`hallEditor.hall.${f}`)}</span>
      <input
        data-testid={`hall-info-${f}`}
        className="wide"
        list={f === 'timeZone' ? 'hall-time-zones' : undefined}
        value={hall[f] ?? ''}
        aria-invalid={at(f).some((p) => p.severity === 'error')}
        onChange={(e) =>
          change((d) => {
            const h = d.catalog.hall;
            if (optional && e.target.value.trim() === '') delete h[f as 'address' | 'publicUrl' | 'regionCode'];
            else h[f] = e.target.value;
          })
        }
      />
      {f === 'timeZone' && <small className="hint">{t('hallEditor.hall.timeZoneHint')}</small>}
      {f === 'publicUrl' && <small className="hint">{t('hallEditor.hall.publicUrlHint')}</small>}
      {f === 'regionCode' && <small className="hint">{t('hallEditor.hall.regionCodeHint')}</small>}
      <Problems messages={at(f)} />
    </label>
  );
  return (
    <div className="hall-info" data-testid="hall-info">
      <fieldset>
        <legend>{t('hallEditor.hall.legend')}</legend>
        <label className="policy-field">
          <span>{t('hallEditor.hall.id')}</span>
          <input value={hall.id} readOnly title={t('hallEditor.hall.fixedId')} />
        </label>
        {text('name', false)}
        {(['zh-TW', 'en'] as const).map((lang) => (
          <label className="policy-field" key={lang}>
            <span>{t(lang === 'en' ? 'hallEditor.hall.nameEn' : 'hallEditor.hall.nameTW')}</span>
            <input className="wide" data-testid={`hall-info-name-${lang}`} value={hall.i18n?.[lang] ?? ''} onChange={(e) => change((d) => setTranslation(d.catalog.hall, lang, e.target.value))} />
          </label>
        ))}
        {text('address', true)}
        {text('timeZone', false)}
        {text('publicUrl', true)}
        {text('regionCode', true)}
        <datalist id="hall-time-zones">
          {TIME_ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </fieldset>
      <Zones {...{ draft, change, problemsAt }} />
    </div>
  );
}

function Zones({ draft, change, problemsAt }: Pick<EditorProps, 'draft' | 'change' | 'problemsAt'>) {
  const { t } = useTranslation();
  const [newId, setNewId] = useState('');
  const [newIdError, setNewIdError] = useState<string>();
  const use = (id: string) => ({
    c: draft.catalog.categories.filter((c) => c.zoneId === id).length,
    w: draft.windows.filter((w) => w.zoneId === id).length,
  });
  const add = () => {
    const id = newId.trim();
    if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(id)) return setNewIdError(t('hallEditor.zones.idRule'));
    if (draft.catalog.zones.some((z) => z.id === id)) return setNewIdError(t('hallEditor.zones.idTaken', { id }));
    setNewIdError(undefined);
    setNewId('');
    change((d) => void d.catalog.zones.push({ id, name: '' }));
  };
  return (
    <fieldset className="hall-zones" data-testid="hall-zones">
      <legend>{t('hallEditor.zones.legend')}</legend>
      <table>
        <thead>
          <tr>
            <th>{t('hallEditor.zones.id')}</th>
            <th>{t('hallEditor.zones.name')}</th>
            <th>{t('hallEditor.zones.location')}</th>
            <th>{t('hallEditor.zones.nameTW')}</th>
            <th>{t('hallEditor.zones.nameEn')}</th>
            <th>{t('hallEditor.zones.locationTW')}</th>
            <th>{t('hallEditor.zones.locationEn')}</th>
            <th>{t('hallEditor.zones.use')}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {draft.catalog.zones.map((z, i) => {
            const u = use(z.id);
            const edit = (fn: (x: NonNullable<(typeof draft.catalog.zones)[number]>) => void) => change((d) => void (d.catalog.zones[i] && fn(d.catalog.zones[i])));
            const all = problemsAt(['catalog', 'zones', i]);
            const problems = all.filter((p) => p.path[3] !== 'locationI18n');
            return (
              <tr key={z.id} data-testid={`zone-${z.id}`}>
                <td>
                  <code>{z.id}</code>
                </td>
                <td>
                  <input data-testid={`zone-${z.id}-name`} value={z.name} aria-invalid={problems.some((p) => p.severity === 'error')} onChange={(e) => edit((x) => (x.name = e.target.value))} />
                  <Problems messages={problems} />
                </td>
                <td>
                  <input data-testid={`zone-${z.id}-location`} value={z.location ?? ''} maxLength={40} onChange={(e) => edit((x) => (e.target.value.trim() ? (x.location = e.target.value) : delete x.location))} />
                </td>
                {(['zh-TW', 'en'] as const).map((lang) => (
                  <td key={lang}>
                    <input data-testid={`zone-${z.id}-${lang}`} value={z.i18n?.[lang] ?? ''} onChange={(e) => edit((x) => setTranslation(x, lang, e.target.value))} />
                  </td>
                ))}
                <TranslationCells
                  testId={`zone-${z.id}-location`}
                  value={z.locationI18n}
                  max={TRANSLATION_MAX.location}
                  problems={all.filter((p) => p.path[3] === 'locationI18n')}
                  labels={{ 'zh-TW': t('hallEditor.zones.locationTW'), en: t('hallEditor.zones.locationEn') }}
                  onChange={(tr) => edit((x) => (tr ? (x.locationI18n = tr) : delete x.locationI18n))}
                />
                <td>{t('hallEditor.zones.inUse', u)}</td>
                <td>
                  <button
                    className="secondary"
                    data-testid={`zone-${z.id}-remove`}
                    disabled={u.c + u.w > 0}
                    title={u.c + u.w > 0 ? t('hallEditor.zones.removeBlocked') : undefined}
                    onClick={() => change((d) => (d.catalog.zones = d.catalog.zones.filter((x) => x.id !== z.id)))}
                  >
                    {t('hallEditor.zones.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="bulk">
        <label>
          {t('hallEditor.zones.newId')}
          <input data-testid="zone-new-id" value={newId} placeholder="self-service-2" aria-invalid={Boolean(newIdError)} onChange={(e) => setNewId(e.target.value)} />
        </label>
        <button data-testid="zone-add" onClick={add}>
          {t('hallEditor.zones.add')}
        </button>
        {newIdError && (
          <span className="field-error" role="alert">
            {newIdError}
          </span>
        )}
      </p>
    </fieldset>
  );
}
