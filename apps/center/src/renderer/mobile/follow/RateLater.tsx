// 补充评价 from the ticket's link: once, within the hall's days, after the window's own rating has closed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mapi, type FollowView, type HallInfo } from '../api.ts';
import { hallDate } from '../../common/format.ts';
import { useErrorText } from '../useMobileError.ts';

type ServiceRating = FollowView['services'][number];

const LEVELS = ['very-satisfied', 'satisfied', 'basically-satisfied', 'dissatisfied', 'very-dissatisfied'] as const;
type Level = (typeof LEVELS)[number];

/** One service of the ticket (a transferred ticket shows one form per window, each rated apart). */
export function RateLater({ token, rating, info, onRated }: { token: string; rating: ServiceRating; info: HallInfo | undefined; onRated: (v: FollowView) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [level, setLevel] = useState<Level>();
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const [thanks, setThanks] = useState(false);
  const [busy, setBusy] = useState(false);
  const bad = level === 'dissatisfied' || level === 'very-dissatisfied';

  if (thanks) return <section className="m-card m-ok" data-testid="rate-thanks">{t('rate.thanks')}</section>;
  if (rating.state === 'given') return <section className="m-card m-muted" data-testid="rate-given">{t('rate.given')}</section>;
  if (rating.state === 'closed') return <section className="m-card m-muted">{t('rate.closed')}</section>;
  // The window's pad has the first say; the live view switches to the form once its rating has closed.
  if (rating.state === 'at-window') {
    const time = rating.opensAtTime ?? '';
    return (
      <section className="m-card m-muted" data-testid="rate-at-window" data-opens-at={rating.opensAt}>
        {rating.windowNumber !== undefined ? t('rate.atWindow', { w: rating.windowNumber, time }) : t('rate.atWindowNoWindow', { time })}
      </section>
    );
  }

  const submit = async () => {
    if (!level) return;
    setBusy(true);
    setError(undefined);
    try {
      // The QR code's mark, if the page was opened from it: the center checks it (channel 二维码).
      const q = new URLSearchParams(window.location.search).get('q');
      const v = await mapi<FollowView>(`/api/m/t/${encodeURIComponent(token)}/rate`, { ...(rating.serviceId ? { serviceId: rating.serviceId } : {}), ...(q ? { q } : {}), level, reasons: bad ? reasons : [], ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setThanks(true);
      onRated(v);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="m-card" data-testid="rate" data-window={rating.windowNumber}>
      <h2>{t('rate.title')}</h2>
      <p>{rating.windowNumber !== undefined ? t('rate.prompt', { w: rating.windowNumber }) : t('rate.promptNoWindow')}</p>
      <div className="m-levels">
        {LEVELS.map((l) => (
          <button key={l} className={`m-level ${level === l ? 'on' : ''} ${l.includes('dissatisfied') ? 'bad' : ''}`} onClick={() => setLevel(l)}>
            {t(`rate.levels.${l}`)}
          </button>
        ))}
      </div>
      {bad && (
        <fieldset className="m-reasons">
          <legend>{t('rate.reasons')}</legend>
          {(info?.reasons ?? []).map((r) => (
            <label key={r.id}>
              <input type="checkbox" checked={reasons.includes(r.id)} onChange={(e) => setReasons(e.target.checked ? [...reasons, r.id] : reasons.filter((x) => x !== r.id))} />
              {t(`reason.${r.id}`, { defaultValue: r.label })}
            </label>
          ))}
        </fieldset>
      )}
      {level && <textarea className="m-input" rows={2} maxLength={200} aria-label={t('rate.comment')} placeholder={t('rate.comment')} value={comment} onChange={(e) => setComment(e.target.value)} />}
      {rating.until && <p className="m-muted">{t('rate.until', { day: hallDate(rating.until) })}</p>}
      {error && (
        <p className="m-error" role="alert">
          {error}
        </p>
      )}
      <button className="m-btn" disabled={!level || busy} onClick={() => void submit()}>
        {t('rate.submit')}
      </button>
    </section>
  );
}
