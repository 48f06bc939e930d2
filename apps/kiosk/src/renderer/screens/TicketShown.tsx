import { waitOptions } from '@hallkit/ui/i18n/waitOptions';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localName, localText } from '@hallkit/core';
import { api } from '../bridge.ts';
import { useKiosk } from '../state/kioskStore.ts';
import { QrImage } from '../components/QrImage.tsx';
import { say, voiceOn } from '../voice.ts';
import type { IssuedTicket, PrintOutcome } from '../../contract.ts';
import { ReminderOptIn } from './reminder/ReminderOptIn.tsx';

/** The ticket on screen — always, printed or not — with its QR code; said aloud in elder mode. */
export function TicketView({ ticket, print, heading }: { ticket: IssuedTicket; print: PrintOutcome; heading: string }): ReactNode {
  const { t } = useTranslation();
  const { elder, voice, language, host } = useKiosk();
  const speaking = voiceOn({ voice, elder });
  // The service and the waiting area in the citizen's language where the hall file has them (the
  // issued ticket carries the hall's own names; English showed 综合受理 on its ticket).
  const category = host?.categories.find((c) => c.id === ticket.categoryId);
  const zone = category ? host?.zones.find((z) => z.id === category.zoneId) : undefined;
  const categoryName = category ? localName(category, language) : ticket.categoryName;
  const zoneName = zone ? localName(zone, language) : ticket.zoneName;
  const location = zone ? localText(zone.location, zone.locationI18n, language) : ticket.location;
  const [outcome, setOutcome] = useState(print);
  const [busy, setBusy] = useState(false);
  useEffect(() => setOutcome(print), [print]);
  useEffect(() => {
    if (speaking) say(t('ticket.say', { number: spaced(ticket.number), n: ticket.peopleAhead, zone: zoneName }), language);
  }, [speaking, language, ticket, zoneName, t]);
  const reprint = async () => {
    setBusy(true);
    try {
      setOutcome(await api.reprintTicket({ ticketId: ticket.ticketId, language }));
    } catch {
      setOutcome({ ok: false, reason: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={`ticket-view${!outcome.ok || ticket.offline ? ' has-problem' : ''}`} data-testid="ticket-view">
      <h1>{heading}</h1>
      {ticket.priority && (
        <div className={`badge priority ${ticket.green ? 'green' : ''}`} data-testid="ticket-priority">
          {t(ticket.green ? 'ticket.green' : 'ticket.priority')}
        </div>
      )}
      <div className="ticket-label">{t('ticket.number')}</div>
      <div className="ticket-number" data-testid="ticket-number">
        {ticket.number}
      </div>
      <div className="ticket-service">{categoryName}</div>
      <div className="ticket-line" data-testid="ticket-ahead">
        {t('ticket.ahead', { n: ticket.peopleAhead })}
        {ticket.estimatedWaitMinutes !== null && ` · ${t('ticket.wait', waitOptions(ticket.estimatedWaitMinutes, 'm'))}`}
      </div>
      <div className="ticket-line">{t('ticket.where', { zone: zoneName, location: location ?? '' })}</div>
      {outcome.ok ? (
        <>
          <div className="banner ok" data-testid="print-ok">
            {t('ticket.printed')}
          </div>
          <div className="ticket-qr">
            <QrImage payload={ticket.followUrl} size={elder ? 360 : 300} />
            <div>{t('ticket.scan')}</div>
          </div>
        </>
      ) : (
        // Not printed: the message and the code it tells the citizen to scan, side by side (stacked,
        // they pushed 完成 below the screen in elder mode).
        <div className="ticket-problem">
          <div className="banner warn big-text" role="alert" data-testid="print-failed" data-reason={outcome.reason}>
            {t(`print.${outcome.reason}`)}
            {outcome.reason !== 'absent' && (
              <button type="button" className="secondary" data-testid="reprint" disabled={busy} onClick={() => void reprint()}>
                {t('ticket.reprint')}
              </button>
            )}
          </div>
          <div className="ticket-qr">
            <QrImage payload={ticket.followUrl} size={elder ? 300 : 260} />
          </div>
        </div>
      )}
      {ticket.offline && (
        <div className="offline-note" data-testid="ticket-offline">
          {t('ticket.offline')}
        </div>
      )}
    </div>
  );
}

/** A012 → "A 0 1 2", so a voice reads the digits one by one. */
function spaced(number: string): string {
  return [...number].join(' ');
}

export function TicketShown(): ReactNode {
  const { t } = useTranslation();
  const ticket = useKiosk((s) => s.ticket);
  const home = useKiosk((s) => s.home);
  if (!ticket) return null;
  return (
    <main className="screen ticket">
      <TicketView ticket={ticket.ticket} print={ticket.print} heading={t('ticket.title')} />
      {/* SMS reminders need the center: an offline ticket is not known there yet. */}
      <div className="ticket-actions">
        {!ticket.ticket.offline && <ReminderOptIn key={ticket.ticket.ticketId} ticketId={ticket.ticket.ticketId} />}
        <button type="button" className="primary big" data-testid="ticket-done" onClick={home}>
          {t('ticket.done')}
        </button>
      </div>
    </main>
  );
}
