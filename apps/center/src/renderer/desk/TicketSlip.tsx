// The ticket just taken, as the slip the desk's printer prints (80 mm receipt paper; print CSS in desk.css).
import { waitOptions } from '@hallkit/ui/i18n/waitOptions';
import { useTranslation } from 'react-i18next';
import { clock } from '../common/format.ts';
import type { IssuedTicket } from './useDesk.ts';

export function TicketSlip({ ticket, hallName }: { ticket: IssuedTicket; hallName: string }) {
  const { t } = useTranslation();
  return (
    <section className="card desk-slip-card">
      <div className="row">
        <h2 style={{ flex: 1 }} role="status">
          {t('desk.issued', { number: ticket.number })}
        </h2>
        <button type="button" onClick={() => window.print()} data-testid="desk-print">
          {t('desk.print')}
        </button>
      </div>
      <div className="slip" data-testid="desk-slip">
        <div className="slip-hall">{hallName}</div>
        <div className="slip-title">{t('desk.slipTitle')}</div>
        {ticket.priority === 'green' && (
          <div className="slip-green" data-testid="slip-green">
            {t('priority.green')}
          </div>
        )}
        <div className="slip-number">{ticket.number}</div>
        <div>
          {ticket.categoryName}
          {ticket.itemName ? ` · ${ticket.itemName}` : ''}
        </div>
        {ticket.zoneName && (
          <div>
            {ticket.zoneName}
            {ticket.zoneLocation ? `（${ticket.zoneLocation}）` : ''}
          </div>
        )}
        <div>
          {t('desk.peopleAhead', { n: ticket.peopleAhead })}
          {ticket.estimatedWaitMinutes !== null ? ` · ${t('desk.slipWait', waitOptions(ticket.estimatedWaitMinutes))}` : ''}
        </div>
        <div className="slip-qr" dangerouslySetInnerHTML={{ __html: ticket.qrSvg }} />
        <div className="slip-small">{t('desk.scan')}</div>
        <div className="slip-small">{t('desk.issuedAt', { time: clock(ticket.issuedAt) })}</div>
      </div>
    </section>
  );
}
