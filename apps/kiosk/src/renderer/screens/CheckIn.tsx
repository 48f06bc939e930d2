import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge.ts';
import { useKiosk } from '../state/kioskStore.ts';
import { CodeEntry } from '../components/CodeEntry.tsx';
import { HowTo } from '../components/HowTo.tsx';
import { ReaderNotice } from '../components/ReaderNotice.tsx';
import { TicketView } from './TicketShown.tsx';

/** 预约取号: the booking QR code from the phone (scanned or typed) or the ID card. */
export function CheckIn(): ReactNode {
  const { t } = useTranslation();
  const { checkIn: result, card, language, host } = useKiosk();
  const set = useKiosk((s) => s.set);
  const go = useKiosk((s) => s.go);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (input: { code?: string; cardSession?: string }) => {
      setBusy(true);
      try {
        set({ checkIn: await api.checkIn({ ...input, language }) });
      } catch {
        set({ checkIn: { ok: false, reason: 'error' } });
      } finally {
        setBusy(false);
      }
    },
    [language, set],
  );
  const submitCode = useCallback((code: string) => void run({ code }), [run]);

  // A card placed on this screen checks in by card.
  useEffect(() => {
    if (card && !result && !busy) void run({ cardSession: card.session });
  }, [card?.session]);

  // A booking for a later day opens at「day time」: say the day in words and the time apart.
  const refusalText = (reason: string, opensAt: string | undefined) => {
    const [day, time] = opensAt?.includes(' ') ? opensAt.split(' ') : [undefined, opensAt];
    if (reason === 'too-early' && day && time) return t('checkIn.tooEarlyDay', { day: dayInWords(day, language), time });
    return t(`checkIn.${reason}`, { opensAt: opensAt ?? '' });
  };

  if (result?.ok) {
    return (
      <main className="screen checkin">
        <TicketView ticket={result.ticket} print={result.print} heading={t('checkIn.ok')} />
        <div className="ticket-line">{t('checkIn.slot', { slot: result.slot })}</div>
        <button type="button" className="primary big" data-testid="ticket-done" onClick={() => useKiosk.getState().home()}>
          {t('ticket.done')}
        </button>
      </main>
    );
  }
  return (
    <main className="screen checkin">
      <h1>{t('checkIn.title')}</h1>
      <p className="hint">
        {host?.devices.scanner === 'ready' ? t('checkIn.hint') : t('checkIn.code')}
        {host?.devices.reader === 'ready' && <> · {t('checkIn.hintCard')}</>}
      </p>
      <ReaderNotice />
      {result && !result.ok && (
        <div className="banner warn big-text" role="alert" data-testid="checkin-refused" data-reason={result.reason}>
          {refusalText(result.reason, result.opensAt)}
          <button type="button" className="secondary" data-testid="take-normal" onClick={() => (set({ checkIn: undefined }), go('take'))}>
            {t('checkIn.takeNormal')}
          </button>
        </div>
      )}
      {busy && <div className="banner">{t('checkIn.busy')}</div>}
      {!result && <HowTo scan={host?.devices.scanner === 'ready'} card={host?.devices.reader === 'ready'} scanText={t('howto.scanBooking')} cardText={t('howto.cardBooking')} />}
      <CodeEntry label={t('checkIn.code')} submitLabel={t('checkIn.submit')} busy={busy} onSubmit={submitCode} />
    </main>
  );
}

/** 2026-12-06 → 「12月6日 星期日」/「Sunday 6 December」: a hall day (no zone of its own) in the citizen's language. */
function dayInWords(day: string, language: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', month: 'long', day: 'numeric', weekday: 'long' }).format(d);
}
