// 下班: the window closes under the staff member and their session ends. A citizen still at the counter
// is finished (with the outcome chosen at the console) or handed back to their place — asked, never assumed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog.tsx';

export type AtCounterOnLeave = 'finish' | 'hand-back';

export function OffDutyDialog({ atCounter, onLeave, onCancel }: { atCounter: string | null; onLeave: (c: AtCounterOnLeave) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<AtCounterOnLeave>('hand-back');
  return (
    <Dialog title={t('offDuty.title')} onCancel={onCancel} testId="off-duty-dialog">
      <p>{t('offDuty.explain')}</p>
      {atCounter && (
        <fieldset className="reasons">
          <legend>{t('offDuty.atCounter', { number: atCounter })}</legend>
          <label className="chip">
            <input type="radio" name="off-duty" checked={choice === 'hand-back'} onChange={() => setChoice('hand-back')} data-autofocus /> {t('offDuty.handBack')}
          </label>
          <label className="chip">
            <input type="radio" name="off-duty" checked={choice === 'finish'} onChange={() => setChoice('finish')} /> {t('offDuty.finish', { number: atCounter })}
          </label>
        </fieldset>
      )}
      <div className="actions">
        <button className="primary" onClick={() => onLeave(choice)} data-testid="off-duty-confirm" {...(atCounter ? {} : { 'data-autofocus': true })}>
          {t('offDuty.confirm')}
        </button>
        <button className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
