import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OnScreenKeyboard } from '@hallkit/ui';
import { localName } from '@hallkit/core';
import { api } from '../bridge.ts';
import { useKiosk } from '../state/kioskStore.ts';
import type { TechnicianStatus } from '../../contract.ts';

/** Behind the corner gesture and the PIN: device status, test print, reload config, exit. */
export function Technician(): ReactNode {
  const { t } = useTranslation();
  const token = useKiosk((s) => s.technicianToken);
  const set = useKiosk((s) => s.set);
  const home = useKiosk((s) => s.home);
  const categories = useKiosk((s) => s.host?.categories ?? []);
  const language = useKiosk((s) => s.language);
  const categoryName = (id: string) => {
    const c = categories.find((x) => x.id === id);
    return c ? `${c.prefix} ${localName(c, language)}` : id;
  };
  const [pin, setPin] = useState('');
  // Re-opening setup asks the host for the PIN again; keep the one that unlocked this screen.
  const [unlockedPin, setUnlockedPin] = useState('');
  const [wrong, setWrong] = useState<false | { wait?: number }>(false);
  const [status, setStatus] = useState<TechnicianStatus>();
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    if (!token) return;
    const load = () => api.technicianStatus({ token }).then(setStatus, () => undefined);
    void load();
    const timer = setInterval(load, 2000);
    return () => clearInterval(timer);
  }, [token]);

  if (!token) {
    const unlock = async () => {
      const r = await api.technicianUnlock({ pin }).catch(() => ({ ok: false as const, token: undefined, retryAfterSeconds: undefined }));
      setPin('');
      if (r.ok && r.token) {
        setUnlockedPin(pin);
        set({ technicianToken: r.token });
      }
      else setWrong(r.retryAfterSeconds ? { wait: r.retryAfterSeconds } : {});
    };
    return (
      <main className="screen technician">
        <h1>{t('tech.pin')}</h1>
        <div className="code-value pin" data-testid="pin-value">
          {'•'.repeat(pin.length) || '\u00a0'}
        </div>
        {wrong && (
          <div className="banner warn" role="alert" data-testid="pin-wrong">
            {wrong.wait ? t('tech.pinWait', { s: wrong.wait }) : t('tech.wrongPin')}
          </div>
        )}
        <OnScreenKeyboard value={pin} onChange={setPin} onEnter={() => void unlock()} modes={['digits']} maxLength={12} labels={{ clear: t('keyboard.clear'), enter: t('keyboard.enter') }} />
      </main>
    );
  }
  const act = async (fn: () => Promise<unknown>) => {
    try {
      const r = (await fn()) as { ok?: boolean; reason?: string };
      // The host's reasons are the printer's states (paper-empty, cover-open…): said in words.
      setMessage(r.ok === false ? t(`device.${r.reason ?? 'error'}`, { defaultValue: t('tech.failed') }) : t('tech.done'));
    } catch {
      setMessage(t('tech.failed'));
    }
  };
  return (
    <main className="screen technician">
      <h1>{t('tech.title')}</h1>
      {status && (
        <table className="tech-table" data-testid="tech-status">
          <tbody>
            <tr><th>{t('tech.device')}</th><td>{status.hallId} / {status.deviceId}</td></tr>
            {/* The state in words (缺纸, 仓盖打开…); the driver's own English summary is for the log. */}
            <tr><th>{t('tech.printer')}</th><td>{t(`device.${status.printer.state}`)} · {status.printer.address ?? '—'}</td></tr>
            <tr><th>{t('tech.reader')}</th><td>{t(`device.${status.reader.state}`)} · {status.reader.address ?? '—'}</td></tr>
            <tr><th>{t('tech.scanner')}</th><td>{t(`device.${status.scanner.state}`)} · {status.scanner.address ?? '—'}</td></tr>
            <tr><th>{t('tech.link')}</th><td>{t(`tech.linkState.${status.link.state}`, { defaultValue: status.link.state })} · {t('tech.backlog')} {status.link.backlog}</td></tr>
            <tr><th>{t('tech.numbers')}</th><td>{status.offlineNumbers.map((n) => `${categoryName(n.categoryId)} ${n.remaining}`).join(' · ')}</td></tr>
          </tbody>
        </table>
      )}
      <div className="tech-actions">
        <button type="button" className="secondary big" data-testid="tech-test-print" onClick={() => void act(() => api.technicianTestPrint({ token }))}>{t('tech.testPrint')}</button>
        <button type="button" className="secondary big" onClick={() => void act(() => api.technicianReloadConfig({ token }))}>{t('tech.reload')}</button>
        <button type="button" className="secondary big" data-testid="tech-setup" onClick={() => void act(() => api.setupOpen({ pin: unlockedPin }))}>{t('tech.setup')}</button>
        <button type="button" className="primary big" data-testid="tech-exit" onClick={home}>{t('tech.exit')}</button>
      </div>
      {message && <div className="banner" data-testid="tech-message">{message}</div>}
    </main>
  );
}
