// Phone number + one-time code. In the demo the code is in the center's log (said on the page).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mapi } from '../api.ts';
import { useErrorText } from '../useMobileError.ts';

export function PhoneLoginForm({ demo, onLoggedIn }: { demo: boolean; onLoggedIn: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [wait, setWait] = useState(0);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (wait <= 0) return;
    const h = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(h);
  }, [wait]);

  const send = async () => {
    setError(undefined);
    try {
      await mapi('/api/m/login/code', { phone: phone.trim() });
      setWait(60);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const verify = async () => {
    setError(undefined);
    try {
      await mapi('/api/m/login/verify', { phone: phone.trim(), code: code.trim() });
      onLoggedIn();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section className="m-card" data-testid="login">
      <h2>{t('login.title')}</h2>
      <label className="m-field">
        {t('login.phone')}
        <input className="m-input" name="phone" inputMode="tel" autoComplete="tel" maxLength={11} value={phone} onChange={(e) => setPhone(e.target.value)} />
      </label>
      <div className="m-row">
        <label className="m-field m-grow">
          {t('login.code')}
          <input className="m-input" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
        </label>
        <button className="m-btn m-secondary" data-testid="login-send" disabled={wait > 0 || phone.length !== 11} onClick={() => void send()}>
          {wait > 0 ? t('login.resend', { s: wait }) : t('login.send')}
        </button>
      </div>
      {demo && <p className="m-muted m-small">{t('login.demo')}</p>}
      {error && (
        <p className="m-error" role="alert">
          {error}
        </p>
      )}
      <button className="m-btn" data-testid="login-submit" disabled={phone.length !== 11 || code.length < 4} onClick={() => void verify()}>
        {t('login.submit')}
      </button>
    </section>
  );
}

export function LoggedInBar({ phone, onLogout }: { phone: string; onLogout: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="m-row m-small m-muted m-who" data-testid="logged-in">
      <span className="m-grow">{t('login.as', { phone })}</span>
      <button className="m-link" onClick={onLogout}>
        {t('login.logout')}
      </button>
    </div>
  );
}
