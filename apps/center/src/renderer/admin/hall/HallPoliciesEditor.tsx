// The hall's rules: 好差评 (rating time, rate-later days, follow-up working days — a per-province
// setting), 过号 and late arrival, and the numbering block a kiosk leases.
import { useTranslation } from 'react-i18next';
import type { EditorProps } from './HallDefinitionPanel.tsx';
import { PolicyNumberField } from './PolicyNumberField.tsx';

export function HallPoliciesEditor({ draft, change, problemsAt, setInvalid }: EditorProps) {
  const { t } = useTranslation();
  const at = (...path: string[]) => problemsAt(path).map((p) => p.message);
  const late = draft.noShow.lateArrival;
  return (
    <div className="hall-policies" data-testid="hall-policies">
      <fieldset>
        <legend>{t('hallEditor.policies.evaluation')}</legend>
        <PolicyNumberField field="ratingSeconds" testId="policy-rating-seconds" label={t('hallEditor.policies.ratingSeconds')} value={draft.evaluation.ratingSeconds}
          onValue={(v) => change((d) => void (v !== undefined && (d.evaluation.ratingSeconds = v)))} setInvalid={setInvalid} serverProblems={at('evaluation', 'ratingSeconds')} />
        <PolicyNumberField field="laterRatingDays" testId="policy-later-days" label={t('hallEditor.policies.laterRatingDays')} value={draft.evaluation.laterRatingDays}
          onValue={(v) => change((d) => void (v !== undefined && (d.evaluation.laterRatingDays = v)))} setInvalid={setInvalid} serverProblems={at('evaluation', 'laterRatingDays')} />
        <PolicyNumberField field="followUpWorkingDays" testId="policy-follow-up-days" label={t('hallEditor.policies.followUpWorkingDays')} hint={t('hallEditor.policies.followUpHint')}
          value={draft.evaluation.followUpWorkingDays} onValue={(v) => change((d) => void (v !== undefined && (d.evaluation.followUpWorkingDays = v)))} setInvalid={setInvalid} serverProblems={at('evaluation', 'followUpWorkingDays')} />
        <PolicyNumberField field="centerLapseMinutes" testId="policy-lapse-minutes" label={t('hallEditor.policies.centerLapseMinutes')} optional value={draft.evaluation.centerLapseMinutes}
          onValue={(v) => change((d) => (v === undefined ? delete d.evaluation.centerLapseMinutes : (d.evaluation.centerLapseMinutes = v)))} setInvalid={setInvalid} serverProblems={at('evaluation', 'centerLapseMinutes')} />
      </fieldset>
      <fieldset>
        <legend>{t('hallEditor.policies.noShow')}</legend>
        <PolicyNumberField field="recallsBeforeNoShow" testId="policy-recalls" label={t('hallEditor.policies.recalls')} value={draft.noShow.recallsBeforeNoShow}
          onValue={(v) => change((d) => void (v !== undefined && (d.noShow.recallsBeforeNoShow = v)))} setInvalid={setInvalid} serverProblems={at('noShow', 'recallsBeforeNoShow')} />
        <label className="policy-field checkbox">
          <input
            type="checkbox"
            data-testid="policy-late-allowed"
            checked={late.allowed}
            onChange={(e) => {
              if (!e.target.checked) setInvalid('policy.lateArrivalMinutes', undefined);
              change((d) => (d.noShow.lateArrival = e.target.checked ? { allowed: true, withinMinutes: 30, placement: 'end' } : { allowed: false }));
            }}
          />
          <span>{t('hallEditor.policies.lateAllowed')}</span>
        </label>
        {late.allowed && (
          <>
            <PolicyNumberField field="lateArrivalMinutes" testId="policy-late-minutes" label={t('hallEditor.policies.lateWithin')} value={late.withinMinutes}
              onValue={(v) => change((d) => void (v !== undefined && d.noShow.lateArrival.allowed && (d.noShow.lateArrival.withinMinutes = v)))} setInvalid={setInvalid} serverProblems={at('noShow', 'lateArrival', 'withinMinutes')} />
            <label className="policy-field">
              <span>{t('hallEditor.policies.placement')}</span>
              <select data-testid="policy-late-placement" value={late.placement} onChange={(e) => change((d) => void (d.noShow.lateArrival.allowed && (d.noShow.lateArrival.placement = e.target.value === 'keep' ? 'keep' : 'end')))}>
                <option value="end">{t('hallEditor.policies.end')}</option>
                <option value="keep">{t('hallEditor.policies.keep')}</option>
              </select>
            </label>
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('hallEditor.policies.numbering')}</legend>
        <PolicyNumberField field="blockSize" testId="policy-block-size" label={t('hallEditor.policies.blockSize')} hint={t('hallEditor.policies.blockHint')} value={draft.numbering.blockSize}
          onValue={(v) => change((d) => void (v !== undefined && (d.numbering.blockSize = v)))} setInvalid={setInvalid} serverProblems={at('numbering', 'blockSize')} />
      </fieldset>
    </div>
  );
}
