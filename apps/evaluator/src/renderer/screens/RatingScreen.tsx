import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EVALUATION_LEVELS, localName, type EvaluationLevel } from '@hallkit/core';
import type { PadView } from '../../contract.ts';
import { LevelFace } from './LevelFace.tsx';

type Prompt = NonNullable<PadView['prompt']>;

/**
 * Five levels, one touch. The first touch locks the screen synchronously (before React re-renders),
 * so a double tap sends one choice; the host refuses a second one anyway.
 */
export function RatingScreen({ prompt, laterDays, onChoose }: { prompt: Prompt; laterDays: number; onChoose: (level: EvaluationLevel) => Promise<boolean> }) {
  const { t, i18n } = useTranslation();
  const locked = useRef<string | null>(null);
  const choose = (level: EvaluationLevel) => {
    if (locked.current === prompt.serviceId) return;
    locked.current = prompt.serviceId;
    // Unlock only when the host did not take the touch at all (e.g. it was restarting).
    void onChoose(level).then((taken) => {
      if (!taken) locked.current = null;
    });
  };
  return (
    <main className="screen rating" data-screen="rating">
      <header className="rating-head">
        <h1>{t('rating.title')}</h1>
        <p className="service-line">
          <span className="ticket-number" data-testid="prompt-number">{t('rating.ticket', { number: prompt.number })}</span>
          <span data-testid="prompt-service">{prompt.itemName !== null ? localName({ name: prompt.itemName, i18n: prompt.itemNameI18n }, i18n.language) : localName({ name: prompt.categoryName, i18n: prompt.categoryNameI18n }, i18n.language)}</span>
          <span>{t('rating.staff', { name: prompt.staffName, id: prompt.staffId })}</span>
        </p>
      </header>
      <div className="levels" role="group" aria-label={t('rating.title')}>
        {EVALUATION_LEVELS.map((level) => (
          <button key={level} type="button" className={`level level-${level}`} data-level={level} onClick={() => choose(level)}>
            <LevelFace level={level} />
            <span className="level-label">{t(`level.${level}`)}</span>
          </button>
        ))}
      </div>
      <p className="later">{t('rating.later', { days: laterDays })}</p>
    </main>
  );
}
