// 查号: today's ticket by its number — where it stands — and 重新排队 for a late 过号 within the hall's minutes.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/http.ts';
import { clock } from '../common/format.ts';
import type { DeskTicket } from './useDesk.ts';

export function LookupPanel() {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [found, setFound] = useState<DeskTicket[] | null>(null);
  const [asked, setAsked] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const say = (e: unknown) => setError(e instanceof ApiError ? e.code : 'network');

  const lookup = async (e?: FormEvent) => {
    e?.preventDefault();
    setError(null);
    setDone(null);
    const n = number.trim().toUpperCase();
    try {
      const r = await api<{ tickets: DeskTicket[] }>(`/api/desk/tickets?number=${encodeURIComponent(n)}`);
      setAsked(n);
      setFound(r.tickets);
    } catch (err) {
      setFound(null);
      say(err);
    }
  };
  const requeue = async (tk: DeskTicket) => {
    setError(null);
    try {
      const r = await api<{ ticket: DeskTicket }>(`/api/desk/tickets/${encodeURIComponent(tk.ticketId)}/requeue`, {});
      setFound((f) => (f ?? []).map((x) => (x.ticketId === tk.ticketId ? r.ticket : x)));
      setDone(tk.number);
    } catch (err) {
      say(err);
    }
  };

  return (
    <section className="card desk-lookup">
      <h2>{t('desk.lookupTitle')}</h2>
      <form className="row" onSubmit={(e) => void lookup(e)}>
        <label className="row">
          {t('desk.lookupNumber')}
          <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder={t('desk.lookupPlaceholder')} data-testid="lookup-number" size={8} required />
        </label>
        <button type="submit" data-testid="lookup">
          {t('desk.lookup')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert" data-testid="lookup-error">
          {t(`deskError.${error}`, { defaultValue: t(`error.${error}`, { defaultValue: error }) })}
        </p>
      )}
      {done && (
        <p className="ok-line" role="status" data-testid="requeued">
          {t('desk.requeued', { number: done })}
        </p>
      )}
      {found && found.length === 0 && <p data-testid="lookup-none">{t('desk.notFound', { number: asked })}</p>}
      {found?.map((tk) => (
        <dl key={tk.ticketId} data-testid={`found-${tk.number}`}>
          <dt>{t('desk.lookupNumber')}</dt>
          <dd>
            <strong>{tk.number}</strong> {tk.priority === 'green' ? <span className="badge green">{t('priority.green')}</span> : null} · {tk.categoryName} · {clock(tk.issuedAt)}
          </dd>
          <dt>{t('admin.state')}</dt>
          <dd data-testid="found-status">
            {t(`desk.status.${tk.status}`, { defaultValue: tk.status })}
            {tk.windowNumber !== null ? ` · ${t('desk.atWindow', { n: tk.windowNumber })}` : ''}
            {tk.peopleAhead !== null ? ` · ${t('desk.ahead', { n: tk.peopleAhead })}` : ''}
          </dd>
          {tk.late && (
            <>
              <dt />
              <dd>
                {tk.late.state === 'open' && (
                  <>
                    {t('desk.requeueUntil', { time: tk.late.untilTime })}{' '}
                    <button type="button" onClick={() => void requeue(tk)} data-testid={`requeue-${tk.number}`}>
                      {t('desk.requeue')}
                    </button>
                  </>
                )}
                {tk.late.state === 'expired' && t('desk.lateExpired', { time: tk.late.untilTime })}
                {tk.late.state === 'not-allowed' && t('desk.lateNotAllowed')}
              </dd>
            </>
          )}
        </dl>
      ))}
    </section>
  );
}
