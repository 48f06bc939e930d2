// 证照寄送: where the case allows it, the citizen asks for the certificate to be mailed and leaves an
// address (logged in with their phone; the 政务服务平台 collects the request). Once asked, the case
// says so; once mailed, the tracking number shows above.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mapi, type ApplicationCase } from '../api.ts';
import { PhoneLoginForm } from '../login/PhoneLoginForm.tsx';
import { usePhoneSession } from '../login/usePhoneSession.ts';
import { useErrorText } from '../useMobileError.ts';

export function MailingRequest({ c, idLast4, demoLogin, onChanged }: { c: ApplicationCase; idLast4: string; demoLogin: boolean; onChanged: (c: ApplicationCase) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const session = usePhoneSession();
  const [open, setOpen] = useState(false);
  const [recipient, setRecipient] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string>();
  if (!c.mailing?.allowed || c.delivery?.trackingNo) return null;
  if (c.mailing.requested) return <p className="m-notice m-ok" data-testid="mailing-requested">{t('mailing.requested')}</p>;
  if (!open)
    return (
      <button className="m-btn m-secondary" data-testid="mailing-open" onClick={() => setOpen(true)}>
        {t('mailing.ask')}
      </button>
    );
  if (session.phone === null) return <PhoneLoginForm demo={demoLogin} onLoggedIn={session.refresh} />;
  const send = async () => {
    setError(undefined);
    try {
      onChanged((await mapi<{ case: ApplicationCase }>(`/api/m/cases/${encodeURIComponent(c.receiptCode)}/mailing`, { recipient: recipient.trim(), phone: phone.trim(), address: address.trim(), idLast4 })).case);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="m-mailing" data-testid="mailing-form">
      <h2>{t('mailing.title')}</h2>
      <label className="m-field">
        {t('mailing.recipient')}
        <input className="m-input" name="recipient" maxLength={20} value={recipient} onChange={(e) => setRecipient(e.target.value)} />
      </label>
      <label className="m-field">
        {t('mailing.phone')}
        <input className="m-input" name="mailPhone" inputMode="numeric" maxLength={11} value={phone} onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))} />
      </label>
      <label className="m-field">
        {t('mailing.address')}
        <textarea className="m-input" name="address" rows={2} maxLength={120} value={address} onChange={(e) => setAddress(e.target.value)} />
      </label>
      {error && (
        <p className="m-error" role="alert">
          {error}
        </p>
      )}
      <button className="m-btn" disabled={recipient.trim().length < 2 || phone.length !== 11 || address.trim().length < 8} onClick={() => void send()}>
        {t('mailing.submit')}
      </button>
    </div>
  );
}
