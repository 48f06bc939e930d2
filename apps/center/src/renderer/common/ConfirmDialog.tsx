// Asking staff before an action that cannot be taken back, or for a note with a step — in the page
// (never window.confirm/prompt: they block every live update, cannot be translated or styled, and
// a screen reader user meets them without context). Cancelling does nothing at all.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../console/Dialog.tsx';

export interface ConfirmDialogProps {
  title: string;
  message?: string;
  confirmLabel: string;
  /** Ask for an optional note (e.g. what was said on the 回访 call); it is passed to onConfirm. */
  note?: { label: string };
  /** Red confirm button for destructive actions (revoke, restart). */
  danger?: boolean;
  onConfirm: (note: string) => void;
  onCancel: () => void;
  testId?: string;
}

export function ConfirmDialog({ title, message, confirmLabel, note, danger, onConfirm, onCancel, testId }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <Dialog title={title} onCancel={onCancel} {...(testId ? { testId } : {})}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(text.trim());
        }}
      >
        {message && <p>{message}</p>}
        {note && (
          <label className="dialog-field">
            {note.label}
            <textarea name="note" rows={3} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} data-autofocus />
          </label>
        )}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onCancel} data-testid="dialog-cancel" {...(note ? {} : { 'data-autofocus': true })}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={danger ? 'danger' : ''} data-testid="dialog-confirm">
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
