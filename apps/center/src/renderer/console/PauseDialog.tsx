// 暂停 with a reason: a preset (lunch, away, fault, training) or, for 其他, the staff's own words.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { counterText } from './counterText.ts';
import { Dialog } from './Dialog.tsx';

type ReasonKey = keyof (typeof counterText)['zh-CN']['counter']['pauseReasons'];
const REASONS = Object.keys(counterText['zh-CN'].counter.pauseReasons) as ReasonKey[];

/**
 * A recorded reason in the console's language: the presets are kept in the hall's language (zh-CN),
 * so an English or 繁體 console maps them back; a reason the staff wrote stays as written.
 */
export function pauseReasonText(reason: string, t: TFunction): string {
  const key = REASONS.find((r) => counterText['zh-CN'].counter.pauseReasons[r] === reason);
  if (key) return t(`counter.pauseReasons.${key}`);
  return reason === t('staffing.pauseReason', { lng: 'zh-CN' }) ? t('staffing.pauseReason') : reason;
}

export function PauseDialog({ onPause, onCancel }: { onPause: (reason: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<ReasonKey>('lunch');
  const [other, setOther] = useState('');
  // The hall's records keep the reason in the hall's language, whatever the console shows.
  const reason = key === 'other' ? other.trim() : counterText['zh-CN'].counter.pauseReasons[key];
  return (
    <Dialog title={t('counter.pauseTitle')} onCancel={onCancel} testId="pause-dialog">
      <fieldset className="reasons">
        <legend>{t('counter.pauseReason')}</legend>
        {REASONS.map((r) => (
          <label key={r} className="chip">
            <input type="radio" name="pause-reason" checked={key === r} onChange={() => setKey(r)} {...(r === 'lunch' ? { 'data-autofocus': true } : {})} /> {t(`counter.pauseReasons.${r}`)}
          </label>
        ))}
      </fieldset>
      {key === 'other' && <input aria-label={t('counter.pauseOther')} placeholder={t('counter.pauseOther')} maxLength={60} value={other} onChange={(e) => setOther(e.target.value)} autoFocus />}
      <div className="actions">
        <button className="primary" disabled={reason.length === 0} onClick={() => onPause(reason)} data-testid="pause-confirm">
          {t('console.pause')}
        </button>
        <button className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
