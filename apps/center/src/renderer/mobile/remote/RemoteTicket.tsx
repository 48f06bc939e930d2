// 线上取号: log in, pick a service, give the ID number, take a ticket in the same line as the hall's.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '@hallkit/core';
import { mapi, type HallInfo, type TicketStatus } from '../api.ts';
import { CategoryPicker } from '../CategoryPicker.tsx';
import { PhoneGatedPage } from '../login/PhoneGatedPage.tsx';
import { usePhoneSession } from '../login/usePhoneSession.ts';
import { useHallInfo } from '../useHallInfo.ts';
import { useErrorText } from '../useMobileError.ts';
import { go } from '../nav.ts';

interface Mine {
  number: string;
  categoryId: string;
  status: TicketStatus;
  followPath: string;
  idMasked: string;
  token: string;
}

export function RemoteTicket({ info: shellInfo }: { info: HallInfo | undefined }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const session = usePhoneSession();
  const [version, setVersion] = useState(0);
  const info = useHallInfo(version) ?? shellInfo;
  const [categoryId, setCategoryId] = useState('');
  const [itemId, setItemId] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [remind, setRemind] = useState(false);
  const [error, setError] = useState<string>();
  const [got, setGot] = useState<{ number: string; followPath: string }>();
  const [mine, setMine] = useState<Mine[]>([]);
  const loadMine = useCallback(() => {
    mapi<{ tickets: Mine[] }>('/api/m/remote/mine').then(
      (r) => setMine(r.tickets),
      () => setMine([]),
    );
  }, []);
  useEffect(() => {
    if (session.phone) loadMine();
  }, [session.phone, loadMine]);

  if (!info || session.phone === undefined)
    return <section className="m-card">{t('common.loading')}</section>;
  const cat = info.categories.find((c) => c.id === categoryId);

  const take = async () => {
    setError(undefined);
    try {
      const r = await mapi<{ number: string; followPath: string }>('/api/m/remote', {
        categoryId,
        ...(itemId ? { itemId } : {}),
        idNumber: idNumber.trim(),
        remind,
      });
      setGot(r);
      setVersion((v) => v + 1);
      loadMine();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const cancel = async (token: string) => {
    try {
      await mapi('/api/m/remote/cancel', { token });
      loadMine();
      setVersion((v) => v + 1);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <PhoneGatedPage
      title={t('take.title')}
      intro={t('take.intro')}
      demoLogin={info.demoLogin}
      session={{ ...session, phone: session.phone }}
    >
      {got ? (
        <section className="m-card m-got" data-testid="remote-got">
          <div className="m-muted">{t('take.got', { number: '' })}</div>
          <div className="m-number">{got.number}</div>
          <button className="m-btn" onClick={() => go(got.followPath)}>
            {t('take.follow')}
          </button>
          <button className="m-btn m-secondary" onClick={() => setGot(undefined)}>
            {t('common.back')}
          </button>
        </section>
      ) : (
        <section className="m-card" data-testid="remote-form">
          <CategoryPicker
            info={info}
            categoryId={categoryId}
            itemId={itemId}
            onChange={(c, i) => (setCategoryId(c), setItemId(i))}
            filter={(c) => c.remote.quota > 0}
          />
          {cat && (
            <p className={cat.openNow && cat.remote.left > 0 ? 'm-muted' : 'm-warn'}>
              {cat.openNow ? t('take.left', { n: cat.remote.left }) : t('take.closed')}
            </p>
          )}
          <label className="m-field">
            {t('take.idNumber')}
            <input
              className="m-input"
              name="idNumber"
              maxLength={22}
              autoComplete="off"
              value={idNumber}
              onChange={(e) => setIdNumber(e.target.value.toUpperCase())}
            />
          </label>
          <p className="m-muted m-small">{t('common.idHint')}</p>
          <label className="m-check">
            <input type="checkbox" name="remind" checked={remind} onChange={(e) => setRemind(e.target.checked)} />
            {t('take.remind')}
          </label>
          {error && (
            <p className="m-error" role="alert" data-testid="error">
              {error}
            </p>
          )}
          <button
            className="m-btn"
            disabled={!categoryId || idNumber.trim().length < 15}
            onClick={() => void take()}
          >
            {t('take.submit')}
          </button>
        </section>
      )}
      <section className="m-card">
        <h2>{t('take.mine')}</h2>
        {mine.length === 0 && <p className="m-muted">{t('take.none')}</p>}
        {mine.map((m) => (
          <div key={m.token} className="m-row m-list-row">
            <a className="m-grow" href={m.followPath} onClick={(e) => (e.preventDefault(), go(m.followPath))}>
              <b>{m.number}</b> · {localName(info.categories.find((c) => c.id === m.categoryId) ?? { name: '' }, i18n.language)} ·{' '}
              <span className="m-muted">{m.idMasked}</span>
            </a>
            {m.status === 'waiting' ? (
              <button className="m-link" onClick={() => void cancel(m.token)}>
                {t('take.cancel')}
              </button>
            ) : (
              <span className="m-muted">{m.status === 'cancelled' ? t('take.cancelled') : ''}</span>
            )}
          </div>
        ))}
      </section>
    </PhoneGatedPage>
  );
}
