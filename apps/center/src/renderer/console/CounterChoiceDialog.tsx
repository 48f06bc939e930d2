// 回呼 / 按号呼叫 with someone at the counter: staff say what becomes of that ticket first.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterChoice } from '@hallkit/core';
import { Dialog } from './Dialog.tsx';
import { FINISH_OUTCOMES, type FinishOutcome } from './outcomes.ts';

export function CounterChoiceDialog({ title, atCounter, itemId, onChoose, onCancel }: { title: string; atCounter: string; itemId: string | null; onChoose: (c: CounterChoice) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CounterChoice['kind']>('hold');
  const [outcome, setOutcome] = useState<FinishOutcome>('completed');
  const choose = () => onChoose(kind === 'finish' ? { kind, outcome: outcome === 'referred' ? 'completed' : outcome, ...(itemId ? { itemId } : {}) } : { kind });
  return (
    <Dialog title={title} onCancel={onCancel} testId="counter-choice">
      <p>{t('counter.counterQuestion', { number: atCounter })}</p>
      <label className="row">
        <input type="radio" name="counter" data-autofocus checked={kind === 'hold'} onChange={() => setKind('hold')} data-testid="choice-hold" /> {t('counter.holdIt', { number: atCounter })}
      </label>
      <label className="row">
        <input type="radio" name="counter" checked={kind === 'finish'} onChange={() => setKind('finish')} data-testid="choice-finish" /> {t('counter.finishIt', { number: atCounter })}
        <select aria-label={t('counter.outcome')} value={outcome} disabled={kind !== 'finish'} onChange={(e) => setOutcome(e.target.value as FinishOutcome)}>
          {FINISH_OUTCOMES.filter((o) => o !== 'referred').map((o) => (
            <option key={o} value={o}>
              {t(`outcome.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="row">
        <input type="radio" name="counter" checked={kind === 'return'} onChange={() => setKind('return')} data-testid="choice-return" /> {t('counter.returnIt')}
      </label>
      <div className="actions">
        <button className="primary" onClick={choose} data-testid="choice-confirm">
          {t('counter.confirm')}
        </button>
        <button className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
