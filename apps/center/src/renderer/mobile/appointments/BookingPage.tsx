// One booking (/m/b/{token}): the code and its QR for the kiosk, the check-in window, cancel or move.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '@hallkit/core';
import { hhmm, mapi, type BookingView, type DaySlots } from '../api.ts';
import { useErrorText } from '../useMobileError.ts';
import { go } from '../nav.ts';
import { SlotPicker } from './SlotPicker.tsx';

export function BookingPage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [b, setB] = useState<BookingView>();
  const [error, setError] = useState<string>();
  const [moving, setMoving] = useState<DaySlots[]>();
  const [to, setTo] = useState<{ day: string; slotFrom: number }>();
  useEffect(() => {
    mapi<BookingView>(`/api/m/appointments/${encodeURIComponent(token)}`).then(setB, (e: unknown) => setError(errorText(e)));
  }, [token]);

  if (!b) return <section className="m-card">{error ?? t('common.loading')}</section>;
  const act = async (path: string, body: unknown = {}) => {
    setError(undefined);
    try {
      setB(await mapi<BookingView>(`/api/m/appointments/${encodeURIComponent(token)}/${path}`, body));
      setMoving(undefined);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const startMove = async () => {
    try {
      setMoving((await mapi<{ days: DaySlots[] }>(`/api/m/appointments/slots?categoryId=${encodeURIComponent(b.categoryId)}`)).days);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <>
      <section className={`m-card m-booking m-${b.status}`} data-testid="booking" data-status={b.status}>
        <div className="m-row">
          <h1 className="m-grow">{localName({ name: b.categoryName, i18n: b.categoryI18n }, i18n.language)}</h1>
          <span className={`m-badge m-${b.status}`}>{t(`book.status.${b.status}`)}</span>
        </div>
        {b.itemName && <p>{localName({ name: b.itemName, i18n: b.itemI18n }, i18n.language)}</p>}
        <p className="m-when">
          {b.day} {hhmm(b.slotFrom)}–{hhmm(b.slotTo)}
        </p>
        {b.status === 'booked' && (
          <>
            <div className="m-qr" dangerouslySetInnerHTML={{ __html: b.qrSvg }} />
            <p className="m-muted m-small m-center">{t('book.qr')}</p>
          </>
        )}
        <dl className="m-dl">
          <dt>{t('book.code')}</dt>
          <dd className="m-code" data-testid="booking-code">
            {b.code}
          </dd>
          <dt>{t('book.holder')}</dt>
          <dd>{b.holderIdMasked}</dd>
        </dl>
        <p className="m-muted m-small">{t('book.checkIn', { early: b.checkIn.earlyMinutes, late: b.checkIn.lateMinutes })}</p>
        {b.ticket && (
          <button className="m-btn" onClick={() => b.ticket && go(b.ticket.followPath)}>
            {t('book.ticket', { number: b.ticket.number })}
          </button>
        )}
      </section>
      {error && (
        <p className="m-card m-error" role="alert" data-testid="error">
          {error}
        </p>
      )}
      {b.status === 'booked' && !b.mine && <p className="m-muted m-small">{t('book.loginToChange')}</p>}
      {b.status === 'booked' && b.mine && (
        <section className="m-card">
          {moving ? (
            <>
              <SlotPicker days={moving} value={to} onChange={setTo} />
              <button className="m-btn" disabled={!to} onClick={() => void act('move', to)}>
                {t('book.moveTo')}
              </button>
              <button className="m-btn m-secondary" onClick={() => setMoving(undefined)}>
                {t('common.cancel')}
              </button>
            </>
          ) : (
            <div className="m-row">
              <button className="m-btn m-secondary m-grow" onClick={() => void startMove()}>
                {t('book.move')}
              </button>
              <button className="m-btn m-danger m-grow" onClick={() => void act('cancel')}>
                {t('book.cancel')}
              </button>
            </div>
          )}
        </section>
      )}
    </>
  );
}
