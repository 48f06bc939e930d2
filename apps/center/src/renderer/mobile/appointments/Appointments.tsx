// 预约: pick an item, a day and a slot with free capacity; the booking's code and QR follow.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '@hallkit/core';
import { hhmm, mapi, type BookingView, type DaySlots, type HallInfo } from '../api.ts';
import { CategoryPicker } from '../CategoryPicker.tsx';
import { PhoneGatedPage } from '../login/PhoneGatedPage.tsx';
import { usePhoneSession } from '../login/usePhoneSession.ts';
import { useErrorText } from '../useMobileError.ts';
import { go } from '../nav.ts';
import { SlotPicker } from './SlotPicker.tsx';

export function Appointments({ info }: { info: HallInfo | undefined }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const session = usePhoneSession();
  const [categoryId, setCategoryId] = useState('');
  const [itemId, setItemId] = useState('');
  const [days, setDays] = useState<DaySlots[]>();
  const [slot, setSlot] = useState<{ day: string; slotFrom: number }>();
  const [idNumber, setIdNumber] = useState('');
  const [remind, setRemind] = useState(false);
  const [error, setError] = useState<string>();
  const [mine, setMine] = useState<BookingView[]>([]);

  useEffect(() => {
    setDays(undefined);
    setSlot(undefined);
    if (!categoryId) return;
    mapi<{ days: DaySlots[] }>(`/api/m/appointments/slots?categoryId=${encodeURIComponent(categoryId)}`).then(
      (r) => setDays(r.days),
      (e: unknown) => setError(errorText(e)),
    );
  }, [categoryId]);
  useEffect(() => {
    if (!session.phone) return;
    mapi<{ bookings: BookingView[] }>('/api/m/appointments/mine').then(
      (r) => setMine(r.bookings.filter((b) => b.status === 'booked')),
      () => setMine([]),
    );
  }, [session.phone]);

  if (!info || session.phone === undefined)
    return <section className="m-card">{t('common.loading')}</section>;

  const book = async () => {
    if (!slot) return;
    setError(undefined);
    try {
      const b = await mapi<BookingView>('/api/m/appointments', {
        categoryId,
        ...(itemId ? { itemId } : {}),
        idNumber: idNumber.trim(),
        remind,
        ...slot,
      });
      go(`/m/b/${b.manageToken}`);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <PhoneGatedPage
      title={t('book.title')}
      intro={t('book.intro')}
      demoLogin={info.demoLogin}
      session={{ ...session, phone: session.phone }}
    >
      <section className="m-card" data-testid="book-form">
        <CategoryPicker
          info={info}
          categoryId={categoryId}
          itemId={itemId}
          onChange={(c, i) => (setCategoryId(c), setItemId(i))}
          filter={(c) => c.appointments}
        />
        {days && days.length === 0 && <p className="m-warn">{t('book.none')}</p>}
        {days && days.length > 0 && <SlotPicker days={days} value={slot} onChange={setSlot} />}
        <label className="m-field">
          {t('book.idNumber')}
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
          {t('book.remind')}
        </label>
        {error && (
          <p className="m-error" role="alert" data-testid="error">
            {error}
          </p>
        )}
        <button className="m-btn" disabled={!slot || idNumber.trim().length < 15} onClick={() => void book()}>
          {t('book.submit')}
        </button>
      </section>
      {mine.length > 0 && (
        <section className="m-card">
          <h2>{t('book.mine')}</h2>
          {mine.map((b) => (
            <div key={b.manageToken} className="m-row m-list-row">
              <span className="m-grow">
                {b.day.slice(5)} {hhmm(b.slotFrom)} · {localName({ name: b.categoryName, i18n: b.categoryI18n }, i18n.language)}
              </span>
              <button className="m-link" onClick={() => go(`/m/b/${b.manageToken}`)}>
                {t('book.open')}
              </button>
            </div>
          ))}
        </section>
      )}
    </PhoneGatedPage>
  );
}
