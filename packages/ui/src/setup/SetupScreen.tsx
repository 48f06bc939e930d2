// The first-boot (and technician) setup screen shared by every device app: enter or scan the
// enrolment code (+ the center's address), see the role and window the center assigned, run the
// device checks, confirm and start — all through the app's bridge (`SetupApi`).
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard.tsx';

export interface SetupCheck {
  id: string;
  ok: boolean;
  detail: string;
}
type Refusal = { ok: false; code: string; message: string };

/** What the screen needs from the device's state (DeviceState of @hallkit/host's setup contract). */
export interface SetupState {
  reSetup: boolean;
  pending: { deviceId: string; role: string; name: string | null; windowId: string | null; centerUrl: string } | null;
}

export interface SetupApi {
  enrol(input: { centerUrl?: string; code: string }): Promise<{ ok: true } | Refusal>;
  checks(): Promise<{ checks: SetupCheck[] }>;
  save(): Promise<{ ok: true } | Refusal>;
  cancel(): Promise<unknown>;
}

type Field = 'center' | 'code';

export function SetupScreen({ state, api }: { state: SetupState; api: SetupApi }): ReactNode {
  const { t } = useTranslation();
  const [center, setCenter] = useState('');
  const [code, setCode] = useState('');
  const [field, setField] = useState<Field>('code');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [checks, setChecks] = useState<SetupCheck[] | null>(null);
  const p = state.pending;

  const fail = (code: string) => setError(t(`setup.error.${code}`, { defaultValue: t('setup.error.other') }));
  const run = async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch {
      fail('other');
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  const enrol = async (e?: FormEvent) => {
    e?.preventDefault();
    // A scanner (keyboard wedge) types the QR's JSON into the code field: it carries the center too.
    const r = await run(() => api.enrol({ ...(center.trim() ? { centerUrl: center.trim() } : {}), code: code.trim() }));
    if (r && !r.ok) fail(r.code);
  };
  const runChecks = async () => {
    const r = await run(() => api.checks());
    if (!r) return;
    const local: SetupCheck[] = [
      { id: 'screen', ok: window.innerWidth >= 320 && window.innerHeight >= 240, detail: `${window.screen.width}×${window.screen.height} (${window.innerWidth}×${window.innerHeight})` },
      { id: 'touch', ok: true, detail: navigator.maxTouchPoints > 0 ? `${navigator.maxTouchPoints} points` : 'mouse / none' },
    ];
    setChecks([...local, ...r.checks]);
  };
  const save = async () => {
    const r = await run(() => api.save());
    if (r && !r.ok) fail(r.code);
  };

  return (
    <main className="setup-screen" data-screen="setup">
      <h1>{t('setup.title')}</h1>
      {!p ? (
        <form onSubmit={(e) => void enrol(e)} className="setup-form">
          <p>{t('setup.intro')}</p>
          <label>
            {t('setup.center')}
            <input data-testid="setup-center" value={center} placeholder={t('setup.centerPlaceholder')} onFocus={() => setField('center')} onChange={(e) => setCenter(e.target.value)} />
          </label>
          <label>
            {t('setup.code')}
            <input data-testid="setup-code" value={code} autoFocus onFocus={() => setField('code')} onChange={(e) => setCode(e.target.value)} />
          </label>
          <OnScreenKeyboard
            value={field === 'code' ? code : center}
            onChange={field === 'code' ? setCode : setCenter}
            modes={field === 'code' ? ['letters', 'digits'] : ['digits', 'letters']}
            maxLength={field === 'code' ? 1000 : 200}
            onEnter={() => void enrol()}
            labels={{ letters: t('setup.keys.letters'), digits: t('setup.keys.digits'), space: t('setup.keys.space'), backspace: t('setup.keys.backspace'), clear: t('setup.keys.clear'), enter: t('setup.keys.enter') }}
          />
          <div className="setup-actions">
            <button type="submit" data-testid="setup-enrol" disabled={busy || !code.trim()}>
              {busy ? t('setup.enrolling') : t('setup.enrol')}
            </button>
            {state.reSetup && (
              <button type="button" className="secondary" onClick={() => void api.cancel()}>
                {t('setup.cancel')}
              </button>
            )}
          </div>
        </form>
      ) : (
        <section className="setup-confirm" data-testid="setup-confirm">
          <p>{t('setup.got')}</p>
          <dl>
            <dt>{t('setup.role')}</dt>
            <dd data-testid="setup-role">{t(`setup.roles.${p.role}`, { defaultValue: p.role })}</dd>
            <dt>{t('setup.window')}</dt>
            <dd data-testid="setup-window">{p.windowId ?? '—'}</dd>
            <dt>{t('setup.name')}</dt>
            <dd>{p.name ?? '—'}</dd>
            <dt>{t('setup.deviceId')}</dt>
            <dd>
              <code>{p.deviceId}</code>
            </dd>
          </dl>
          <h2>{t('setup.checks')}</h2>
          <button type="button" className="secondary" data-testid="setup-run-checks" disabled={busy} onClick={() => void runChecks()}>
            {t('setup.runChecks')}
          </button>
          {checks && (
            <ul className="setup-checks" data-testid="setup-checks">
              {checks.map((c) => (
                <li key={c.id} className={c.ok ? 'ok' : 'bad'} data-check={c.id}>
                  {c.ok ? '✓' : '✗'} {t(`setup.${c.id}`, { defaultValue: c.id })}: {c.detail}
                </li>
              ))}
            </ul>
          )}
          <button type="button" data-testid="setup-save" disabled={busy} onClick={() => void save()}>
            {t('setup.save')}
          </button>
        </section>
      )}
      {error && (
        <p className="setup-error" role="alert" data-testid="setup-error">
          {error}
        </p>
      )}
    </main>
  );
}
