// /setup#token=… — the page behind `hallkit-center admin create NAME --link`: the new hall admin
// chooses their password (twice, at least 10 characters) and lands logged in on /admin. The token
// stays in the fragment (never in a server log) and leaves the address bar once read.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/http.ts';
import { useSession } from '../api/useSession.ts';
import { ConsoleTopBar } from './ConsoleTopBar.tsx';
import '../styles.css';

const MIN = 10;
const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';

export default function SetupPage() {
  const { t } = useTranslation();
  const { hallName, load } = useSession();
  const [user, setUser] = useState<string | null | undefined>(undefined);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void load();
    history.replaceState(null, '', location.pathname);
    if (!token) return setUser(null);
    api<{ username: string }>('/api/setup/check', { token }).then(
      (r) => setUser(r.username),
      () => setUser(null),
    );
  }, [load]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (password.length < MIN) return setError(t('setup.tooShort', { n: MIN }));
    if (password !== again) return setError(t('setup.mismatch'));
    setBusy(true);
    try {
      await api('/api/setup', { token, password });
      location.assign('/admin');
    } catch (err) {
      setError(err instanceof ApiError ? t(`setup.error.${err.code}`, { defaultValue: err.message }) : t('error.network'));
      setBusy(false);
    }
  };

  return (
    <main className="admin">
      <ConsoleTopBar hallName={hallName} title={t('setup.title')} signedIn={false} onLogout={() => undefined} />
      {user === undefined && <div className="loading">…</div>}
      {user === null && (
        <p className="error card" role="alert" data-testid="setup-invalid">
          {t('setup.invalid')}
        </p>
      )}
      {user && (
        <form className="login card" onSubmit={(e) => void submit(e)}>
          <h2>{t('setup.heading', { user })}</h2>
          <p className="note">{t('setup.hint', { n: MIN })}</p>
          <label>
            {t('setup.password')}
            <input name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => (setPassword(e.target.value), setError(null))} required />
          </label>
          <label>
            {t('setup.again')}
            <input name="again" type="password" autoComplete="new-password" value={again} onChange={(e) => (setAgain(e.target.value), setError(null))} required />
          </label>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy} data-testid="setup-submit">
            {t('setup.submit')}
          </button>
        </form>
      )}
    </main>
  );
}
