// /m/door/{code} — 现场扫码取号: scanned from the QR at the door (it changes every few minutes and
// proves the phone is in the hall). Pick a service, optionally a phone number for SMS reminders, an ID
// number only where the hall requires it; an expired code says so plainly.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName, type NameTranslations } from '@hallkit/core';
import { mapi, MobileApiError } from '../api.ts';
import { go } from '../nav.ts';
import { useErrorText } from '../useMobileError.ts';

interface DoorInfo {
  v: 1;
  categories: { id: string; name: string; i18n?: NameTranslations; openNow: boolean; idRequired: boolean; waiting: number }[];
}

export function DoorTicket({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [info, setInfo] = useState<DoorInfo>();
  const [fatal, setFatal] = useState<string>();
  const [categoryId, setCategoryId] = useState('');
  const [phone, setPhone] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [error, setError] = useState<string>();
  useEffect(() => {
    mapi<DoorInfo>(`/api/m/door/${encodeURIComponent(code)}`).then(setInfo, (e: unknown) => setFatal(e instanceof MobileApiError ? e.code : 'network'));
  }, [code]);
  if (fatal)
    return (
      <section className="m-card" data-testid="door-refused">
        <h1>{t('door.title')}</h1>
        <p className="m-notice m-warn" role="alert">
          {t(`door.refused.${fatal}`, { defaultValue: errorText(new MobileApiError(0, fatal)) })}
        </p>
      </section>
    );
  if (!info) return <section className="m-card">{t('common.loading')}</section>;
  const cat = info.categories.find((c) => c.id === categoryId);
  const take = async () => {
    setError(undefined);
    try {
      const r = await mapi<{ followPath: string }>(`/api/m/door/${encodeURIComponent(code)}/take`, { categoryId, ...(phone ? { phone } : {}), ...(cat?.idRequired ? { idNumber: idNumber.trim() } : {}) });
      go(r.followPath);
    } catch (e) {
      if (e instanceof MobileApiError && (e.code === 'door-code-expired' || e.code === 'door-code-invalid')) setFatal(e.code);
      else setError(errorText(e));
    }
  };
  return (
    <section className="m-card" data-testid="door-form">
      <h1>{t('door.title')}</h1>
      <p className="m-muted m-small">{t('door.intro')}</p>
      <div className="m-choices">
        {info.categories.filter((c) => c.openNow).map((c) => (
          <button key={c.id} className={c.id === categoryId ? 'm-choice on' : 'm-choice'} data-testid={`door-cat-${c.id}`} onClick={() => setCategoryId(c.id)}>
            {localName(c, i18n.language)} <small className="m-muted">{t('queue.waiting', { n: c.waiting })}</small>
          </button>
        ))}
      </div>
      {cat?.idRequired && (
        <label className="m-field">
          {t('door.idNumber')}
          <input className="m-input" name="idNumber" maxLength={18} autoComplete="off" value={idNumber} onChange={(e) => setIdNumber(e.target.value.toUpperCase())} />
        </label>
      )}
      <label className="m-field">
        {t('door.phone')}
        <input className="m-input" name="phone" inputMode="numeric" maxLength={11} value={phone} onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))} />
      </label>
      {error && (
        <p className="m-error" role="alert">
          {error}
        </p>
      )}
      <button className="m-btn" data-testid="door-take" disabled={!cat || (phone !== '' && phone.length !== 11) || (cat.idRequired && idNumber.trim().length < 15)} onClick={() => void take()}>
        {t('door.submit')}
      </button>
    </section>
  );
}

/** /m/door-poster — the door screen: the current code as a big QR, refreshed before it changes. */
export function DoorPoster() {
  const { t } = useTranslation();
  const [p, setP] = useState<{ qrSvg: string; changesAt: string; hall: string }>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const load = () =>
      mapi<{ qrSvg: string; changesAt: string; hall: string }>('/api/m/door/poster').then(
        (r) => {
          setP(r);
          setError(undefined);
          timer = setTimeout(load, Math.max(2_000, Date.parse(r.changesAt) - Date.now() + 500));
        },
        (e: unknown) => {
          setError(e instanceof MobileApiError ? e.code : 'network');
          timer = setTimeout(load, 10_000);
        },
      );
    void load();
    return () => clearTimeout(timer);
  }, []);
  if (error) return <section className="m-card m-error" role="alert">{t('door.posterError', { code: error })}</section>;
  if (!p) return <section className="m-card">{t('common.loading')}</section>;
  return (
    <section className="m-card m-poster" data-testid="door-poster">
      <h1>{t('door.posterTitle')}</h1>
      <div className="m-poster-qr" dangerouslySetInnerHTML={{ __html: p.qrSvg }} />
      <p>{t('door.posterHint')}</p>
    </section>
  );
}
