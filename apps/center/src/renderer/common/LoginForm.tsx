// Staff log in with 工号 + PIN; admins with user name + password.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/http.ts';
import type { Session } from '../api/types.ts';
import { useSession } from '../api/useSession.ts';

/** `windowId`: the window this console is at (staff log in there, if they may use it). */
export function LoginForm({ kind, title, windowId }: { kind: 'staff' | 'admin'; title: string; windowId?: string }) {
  const { t } = useTranslation();
  const setSession = useSession((s) => s.set);
  const [user, setUser] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = kind === 'staff' ? { staffNo: user.trim(), pin: secret, ...(windowId ? { windowId } : {}) } : { username: user.trim(), password: secret };
      const r = await api<{ session: Session }>(`/api/login/${kind}`, body);
      setSession(r.session);
    } catch (err) {
      if (!(err instanceof ApiError)) setError(t('error.network'));
      else {
        const minutes = Math.max(1, Math.ceil(Number(err.detail.retryAfterSeconds ?? 60) / 60));
        setError(t(`error.${err.code}`, { defaultValue: err.message, minutes }));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="login card" onSubmit={(e) => void submit(e)}>
      <h2>{title}</h2>
      <label>
        {kind === 'staff' ? t('login.staffNo') : t('login.username')}
        <input name="user" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} required />
      </label>
      <label>
        {kind === 'staff' ? t('login.pin') : t('login.password')}
        <input name="secret" type="password" autoComplete="current-password" value={secret} onChange={(e) => setSecret(e.target.value)} required />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
