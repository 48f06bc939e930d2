// Technician mode on devices without a menu: five quick taps in the top-left corner open a PIN pad;
// the right PIN (checked by the host) opens the setup screen. Invisible to citizens.
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard.tsx';

const TAPS = 5;
const WITHIN_MS = 3000;

export function TechnicianEntry({ open }: { open: (pin: string) => Promise<{ ok: boolean }> }): ReactNode {
  const { t } = useTranslation();
  const taps = useRef<number[]>([]);
  const [asking, setAsking] = useState(false);
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(false);
  const tap = () => {
    const now = Date.now();
    taps.current = [...taps.current.filter((x) => now - x < WITHIN_MS), now];
    if (taps.current.length >= TAPS) {
      taps.current = [];
      setAsking(true);
    }
  };
  const submit = async () => {
    const r = await open(pin).catch(() => ({ ok: false }));
    setPin('');
    if (r.ok) setAsking(false);
    else setWrong(true);
  };
  return (
    <>
      {/* An invisible tap area, not a button: citizens (and screen readers) are not offered it. */}
      <div aria-hidden="true" data-testid="technician-corner" className="technician-corner" onClick={tap} />
      {asking && (
        <div className="technician-pin" role="dialog" aria-label={t('technician.title')}>
          <h2>{t('technician.title')}</h2>
          <p>{t('technician.pin')}</p>
          <input data-testid="technician-pin" type="password" inputMode="numeric" value={pin} readOnly />
          {wrong && <p role="alert">{t('technician.wrongPin')}</p>}
          <OnScreenKeyboard value={pin} onChange={setPin} modes={['digits']} maxLength={12} onEnter={() => void submit()} />
          <div className="setup-actions">
            <button type="button" data-testid="technician-ok" onClick={() => void submit()}>
              {t('technician.ok')}
            </button>
            <button type="button" className="secondary" onClick={() => (setAsking(false), setPin(''), setWrong(false))}>
              {t('technician.cancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
