// Filing a 申诉 on a 差评: the reason is required and at most 500 characters (the server checks the
// same), and a missing or too long reason is said at the field, not in a browser alert. Cancelling
// (取消, Escape, a click outside) records nothing.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../console/Dialog.tsx';

export const APPEAL_REASON_MAX = 500;

export function AppealDialog({ ticket, onFile, onCancel }: { ticket: string; onFile: (reason: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const errorId = useId();
  const n = [...reason.trim()].length;
  const problem = n === 0 ? (tried ? t('appeal.reasonRequired') : undefined) : n > APPEAL_REASON_MAX ? t('appeal.reasonTooLong', { n }) : undefined;
  return (
    <Dialog title={t('appeal.fileTitle', { ticket })} onCancel={onCancel} testId="appeal-dialog">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (n === 0 || n > APPEAL_REASON_MAX) return;
          onFile(reason.trim());
        }}
      >
        <label className="dialog-field">
          {t('appeal.reason')}
          <textarea
            name="reason"
            rows={4}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={Boolean(problem)}
            aria-describedby={problem ? errorId : undefined}
            aria-required="true"
            data-autofocus
            data-testid="appeal-reason"
          />
        </label>
        {problem && (
          <span id={errorId} className="field-error" role="alert" data-testid="appeal-reason-error">
            {problem}
          </span>
        )}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onCancel} data-testid="dialog-cancel">
            {t('common.cancel')}
          </button>
          <button type="submit" data-testid="dialog-confirm">
            {t('appeal.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
