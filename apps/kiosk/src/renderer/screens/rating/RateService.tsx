// 大厅评价机: a citizen who left the window without rating scans their ticket's QR code here and rates
// each finished service of it (one per window of a transferred ticket) — the center decides under
// the hall's rules; this screen says its answer in the citizen's language.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EVALUATION_LEVELS, isBadReview, localName, type EvaluationLevel } from '@hallkit/core';
import type { KioskRatableService, RatingLookup } from '../../../citizenContract.ts';
import { api } from '../../bridge.ts';
import { useKiosk } from '../../state/kioskStore.ts';
import { hallTime } from '../../hallTime.ts';
import { sayIfOn } from '../../voice.ts';
import { CommentBox } from './CommentBox.tsx';
import './rating.css';

/** 「5 号窗口 · 社保卡补办」: the window and what was done there, in the citizen's language where the hall file has it. */
function useServiceLabel(): (s: KioskRatableService) => string {
  const { t } = useTranslation();
  const host = useKiosk((st) => st.host);
  const language = useKiosk((st) => st.language);
  return (s) => {
    const item = s.itemId ? host?.items.find((i) => i.id === s.itemId) : undefined;
    const category = host?.categories.find((c) => c.id === s.categoryId);
    const what = item ? localName(item, language) : category ? localName(category, language) : (s.itemName ?? s.categoryName);
    return s.windowNumber !== null ? t('rating.service', { w: s.windowNumber, category: what }) : t('rating.serviceNoWindow', { category: what });
  };
}

export function RateService(): ReactNode {
  const { t } = useTranslation();
  const scanned = useKiosk((s) => s.scanned);
  const timeZone = useKiosk((s) => s.host?.timeZone ?? 'Asia/Shanghai');
  const set = useKiosk((s) => s.set);
  const [lookup, setLookup] = useState<RatingLookup | null>(null);
  const [serviceId, setServiceId] = useState<string>();
  const [level, setLevel] = useState<EvaluationLevel>();
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const [thanks, setThanks] = useState<{ followUp: boolean }>();
  const [busy, setBusy] = useState(false);
  const label = useServiceLabel();

  const load = async (code: string, keepThanks = false) => {
    const r = await api.lookupRating({ code }).catch((): RatingLookup => ({ ok: false, reason: 'error' }));
    // A 过号 ticket is a citizen back for their place: the re-queue screen takes the same scan.
    if (!r.ok && r.reason === 'requeue') return set({ screen: 'requeue' });
    setLookup(r);
    const open = r.ok ? r.services.filter((s) => s.state === 'open') : [];
    setServiceId(open.length === 1 ? open[0]?.serviceId : undefined);
    setLevel(undefined);
    setReasons([]);
    setComment('');
    setError(undefined);
    if (!keepThanks) setThanks(undefined);
  };
  useEffect(() => {
    setLookup(null);
    if (scanned) void load(scanned.code);
  }, [scanned?.at]);

  const bad = level !== undefined && isBadReview(level);
  const submit = async () => {
    if (!scanned || !serviceId) return;
    if (!level) return setError(t('rating.needLevel'));
    if (bad && reasons.length === 0) return setError(t('rating.refused.evaluation-needs-reason'));
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.rateService({ code: scanned.code, serviceId, level, reasons: bad ? reasons : [], ...(comment.trim() ? { comment: comment.trim() } : {}) });
      if (r.ok) {
        setThanks({ followUp: r.followUp });
        await load(scanned.code, true);
      } else setError(t(`rating.refused.${r.reason}`));
    } catch {
      setError(t('rating.refused.error'));
    } finally {
      setBusy(false);
    }
  };

  // 语音导航: how to rate when a service is open, the intro when none is (a refusal is an alert, said as
  // shown), and the thanks.
  const openId = lookup?.ok ? lookup.services.find((s) => s.state === 'open')?.serviceId : undefined;
  useEffect(() => {
    if (!lookup?.ok || thanks) return;
    sayIfOn(openId ? t('say.rate') : t('rating.intro', { number: lookup.number }));
  }, [lookup, openId, thanks, t]);
  useEffect(() => {
    if (thanks) sayIfOn(t(thanks.followUp ? 'rating.thanksBad' : 'rating.thanks'));
  }, [thanks, t]);

  const home = () => useKiosk.getState().home();
  const services = lookup?.ok ? lookup.services : [];
  const chosen = services.find((s) => s.serviceId === serviceId);
  const anyOpen = services.some((s) => s.state === 'open');
  const chosenOpen = chosen?.state === 'open' ? chosen : undefined;
  return (
    <main className="screen rate" data-testid="rate">
      <h1>
        {t('rating.title')}
        {lookup?.ok && <span className="rate-number"> · {lookup.number}</span>}
      </h1>
      {!lookup && <p className="hint">{t('rating.working')}</p>}
      {lookup && !lookup.ok && (
        <div className="banner warn big-text" role="alert" data-testid="rate-refused" data-reason={lookup.reason}>
          {t(`rating.refused.${lookup.reason}`, { number: lookup.number ?? '' })}
        </div>
      )}
      {/* The form needs the room: the ticket's number stays in the title. */}
      {lookup?.ok && chosenOpen === undefined && <p className="hint">{t('rating.intro', { number: lookup.number })}</p>}
      {thanks && (
        <div className="banner ok big-text" role="status" data-testid="rate-thanks">
          {t(thanks.followUp ? 'rating.thanksBad' : 'rating.thanks')}
        </div>
      )}
      {services.length > 1 && anyOpen && !chosen && <p className="hint">{t('rating.choose')}</p>}
      {services.length > 0 && (services.length > 1 || !chosen) && (
        <div className="rate-services">
          {services.map((s) => (
            <ServiceRow key={s.serviceId} s={s} timeZone={timeZone} chosen={s.serviceId === serviceId} compact={chosen !== undefined} onPick={() => (setServiceId(s.serviceId), setThanks(undefined), setError(undefined))} />
          ))}
        </div>
      )}
      {chosen && chosen.state === 'open' && (
        <section className="rate-form" data-testid="rate-form" data-service={chosen.serviceId}>
          {/* With several services the chosen row above says which; the form names it when it is the only one. */}
          <div className="rate-what">
            {services.length === 1 && `${label(chosen)} · `}
            <span className="rate-until">{t('rating.until', { day: hallTime(chosen.until, timeZone).slice(0, 10) })}</span>
          </div>
          <div className="rate-levels" role="radiogroup" aria-label={t('rating.title')}>
            {EVALUATION_LEVELS.map((l) => (
              <button type="button" key={l} role="radio" aria-checked={level === l} data-testid={`rate-level-${l}`} className={`rate-level ${level === l ? 'on' : ''} ${isBadReview(l) ? 'bad' : ''}`} onClick={() => (setLevel(l), setError(undefined))}>
                {t(`rating.levels.${l}`)}
              </button>
            ))}
          </div>
          {bad && lookup?.ok && (
            <fieldset className="rate-reasons">
              <legend>{t('rating.reasons')}</legend>
              {lookup.reasons.map((r) => (
                <button type="button" key={r} role="checkbox" aria-checked={reasons.includes(r)} data-testid={`rate-reason-${r}`} className={`rate-reason ${reasons.includes(r) ? 'on' : ''}`} onClick={() => (setReasons(reasons.includes(r) ? reasons.filter((x) => x !== r) : [...reasons, r]), setError(undefined))}>
                  {t(`rating.reason.${r}`)}
                </button>
              ))}
            </fieldset>
          )}
          {level && <CommentBox value={comment} onChange={setComment} />}
          {error && (
            <div className="banner warn big-text" role="alert" data-testid="rate-error">
              {error}
            </div>
          )}
        </section>
      )}
      <div className="rate-actions">
        {chosen?.state === 'open' && (
          <button type="button" className="primary big rate-submit" data-testid="rate-submit" disabled={busy} onClick={() => void submit()}>
            {t('rating.submit')}
          </button>
        )}
        <button type="button" className="secondary big" data-testid="rate-done" onClick={home}>
          {t('ticket.done')}
        </button>
      </div>
    </main>
  );
}

/** One service of the ticket; `compact` while a form is open below (the state only, on one line). */
function ServiceRow({ s, timeZone, chosen, compact, onPick }: { s: KioskRatableService; timeZone: string; chosen: boolean; compact: boolean; onPick: () => void }): ReactNode {
  const { t } = useTranslation();
  const what = useServiceLabel()(s);
  return (
    <button type="button" className={`rate-service s-${s.state} ${chosen ? 'on' : ''} ${compact ? 'compact' : ''}`} data-testid="rate-service" data-state={s.state} data-window={s.windowNumber ?? ''} disabled={s.state !== 'open'} onClick={onPick}>
      <span className="rate-service-what">{what}</span>
      <span className="rate-service-meta">
        {compact ? t(`rating.short.${s.state}`) : `${t('rating.finishedAt', { time: hallTime(s.finishedAt, timeZone).slice(11) })} · ${t(`rating.state.${s.state}`, { time: hallTime(s.opensAt, timeZone).slice(11) })}`}
      </span>
    </button>
  );
}
