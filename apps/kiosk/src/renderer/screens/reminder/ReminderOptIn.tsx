// SMS reminders from the ticket screen: optional, never needed for a ticket. The citizen reads what
// the number is for (consent), types it on the kiosk's digit keyboard, and sees it back masked once
// the center took it (138****8000); the center sends 「前面还有 N 人」 and the call, once each.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OnScreenKeyboard } from '@hallkit/ui';
import type { ReminderResult } from '../../../citizenContract.ts';
import { api } from '../../bridge.ts';
import { useKiosk } from '../../state/kioskStore.ts';
import './reminder.css';

/** 13800138000 → "138 0013 8000": the grouping people read phone numbers in. */
const grouped = (digits: string) => [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7)].filter(Boolean).join(' ');

export function ReminderOptIn({ ticketId }: { ticketId: string }): ReactNode {
  const { t } = useTranslation();
  const elder = useKiosk((s) => s.elder);
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReminderResult>();

  if (result?.ok) {
    return (
      <div className="banner ok reminder-ok" role="status" data-testid="remind-ok">
        {t('remind.ok', { phone: result.phoneMasked })}
      </div>
    );
  }
  const submit = async () => {
    setBusy(true);
    const r = await api.subscribeReminder({ ticketId, phone }).catch((): ReminderResult => ({ ok: false, reason: 'error' }));
    setBusy(false);
    setResult(r);
    if (r.ok) {
      setOpen(false);
      setPhone('');
    }
  };
  return (
    <>
      <button type="button" className="secondary big reminder-offer" data-testid="remind-open" onClick={() => (setOpen(true), setResult(undefined))}>
        <span className="reminder-offer-title">{t('remind.offer')}</span>
        <span className="reminder-offer-sub">{t('remind.offerSub')}</span>
      </button>
      {open && (
        <div className="reminder-sheet" role="dialog" aria-label={t('remind.title')} data-testid="remind-sheet">
          <h2>{t('remind.title')}</h2>
          <p className="reminder-consent" data-testid="remind-consent">
            {t('remind.consent')}
          </p>
          <div className="code-label">{t('remind.phone')}</div>
          <div className="code-value" data-testid="remind-phone">
            {grouped(phone) || '\u00a0'}
          </div>
          {result && !result.ok && (
            <div className="banner warn" role="alert" data-testid="remind-refused" data-reason={result.reason}>
              {t(`remind.refused.${result.reason}`)}
            </div>
          )}
          <OnScreenKeyboard value={phone} onChange={(v) => (setPhone(v.replace(/\D/g, '')), setResult(undefined))} modes={['digits']} maxLength={11} large={elder} labels={{ backspace: t('keyboard.backspace'), clear: t('keyboard.clear') }} />
          <div className="reminder-actions">
            <button type="button" className="primary big" data-testid="remind-submit" disabled={busy || phone.length === 0} onClick={() => void submit()}>
              {t('remind.submit')}
            </button>
            <button type="button" className="secondary big" data-testid="remind-cancel" onClick={() => (setOpen(false), setPhone(''), setResult(undefined))}>
              {t('remind.cancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
