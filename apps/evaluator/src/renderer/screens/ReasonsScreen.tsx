import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PadView } from '../../contract.ts';
import { LevelFace } from './LevelFace.tsx';

type Prompt = NonNullable<PadView['prompt']>;

/** After a 差评: at least one reason from the hall's list, and an optional short comment. */
export function ReasonsScreen({
  prompt,
  reasons,
  onSubmit,
  commentInput,
}: {
  prompt: Prompt;
  reasons: string[];
  onSubmit: (reasons: string[], comment: string) => Promise<boolean>;
  commentInput?: (value: string, onChange: (v: string) => void) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [hint, setHint] = useState(false);
  const sent = useRef(false);
  const toggle = (id: string) => {
    setHint(false);
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  };
  const submit = () => {
    if (sent.current) return;
    if (chosen.length === 0) return setHint(true);
    sent.current = true;
    void onSubmit(chosen, comment).then((taken) => {
      if (!taken) sent.current = false;
    });
  };
  const level = prompt.level ?? 'dissatisfied';
  return (
    <main className="screen reasons" data-screen="reasons">
      <header className="reasons-head">
        <div className={`chosen-level level-${level}`}>
          <LevelFace level={level} size={72} />
          <span>{t('reasons.chosen', { level: t(`level.${level}`) })}</span>
        </div>
        <div>
          <h1>{t('reasons.title')}</h1>
          <p className="subtitle">{t('reasons.subtitle')}</p>
        </div>
      </header>
      <div className="reason-list" role="group" aria-label={t('reasons.subtitle')}>
        {reasons.map((id) => (
          <button key={id} type="button" className={`reason${chosen.includes(id) ? ' on' : ''}`} aria-pressed={chosen.includes(id)} data-reason={id} onClick={() => toggle(id)}>
            {t(`reason.${id}`)}
          </button>
        ))}
      </div>
      {commentInput ? (
        <div className="comment">
          <label>{t('reasons.comment')}</label>
          {commentInput(comment, setComment)}
        </div>
      ) : null}
      <footer className="reasons-foot">
        <span className="hint" role="status">
          {hint ? t('reasons.needOne') : ''}
        </span>
        <button type="button" className={`submit${chosen.length === 0 ? ' inactive' : ''}`} data-testid="submit-reasons" onClick={submit}>
          {t('reasons.submit')}
        </button>
      </footer>
    </main>
  );
}
