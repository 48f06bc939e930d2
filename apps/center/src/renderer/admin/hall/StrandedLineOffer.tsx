// A refused save that would strand a line: offer, as the admin's explicit choice, to move those
// waiting tickets to another category (they keep their order) and save again with the move.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HallDefinition, WaitingMoveRequest } from '@hallkit/core';

export interface StrandedLine {
  categoryId: string;
  name: string;
  waiting: number;
}

export function StrandedLineOffer({ lines, draft, busy, onMove, onCancel }: { lines: StrandedLine[]; draft: HallDefinition; busy: boolean; onMove: (moves: WaitingMoveRequest[]) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const served = new Set(draft.windows.flatMap((w) => w.categoryIds));
  const targets = draft.catalog.categories.filter((c) => served.has(c.id));
  const [to, setTo] = useState<Record<string, string>>(() => Object.fromEntries(lines.map((l) => [l.categoryId, targets.find((c) => c.id !== l.categoryId)?.id ?? ''])));
  const moves = lines.map((l) => ({ fromCategoryId: l.categoryId, toCategoryId: to[l.categoryId] ?? '' }));
  const total = lines.reduce((n, l) => n + l.waiting, 0);
  return (
    <div className="stranded-offer" role="alertdialog" aria-labelledby="stranded-title" data-testid="stranded-offer">
      <h3 id="stranded-title">{t('hallEditor.move.title')}</h3>
      {lines.map((l) => (
        <p key={l.categoryId}>
          {t('hallEditor.move.intro', { name: l.name, n: l.waiting })}{' '}
          <label>
            {t('hallEditor.move.to')}{' '}
            <select data-testid={`stranded-${l.categoryId}-to`} value={to[l.categoryId]} onChange={(e) => setTo({ ...to, [l.categoryId]: e.target.value })}>
              {targets
                .filter((c) => c.id !== l.categoryId)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.prefix} {c.name}
                  </option>
                ))}
            </select>
          </label>
        </p>
      ))}
      <button data-testid="stranded-move" disabled={busy || moves.some((m) => !m.toCategoryId)} onClick={() => onMove(moves)}>
        {t('hallEditor.move.confirm', { n: total })}
      </button>{' '}
      <button className="secondary" onClick={onCancel}>
        {t('hallEditor.move.cancel')}
      </button>
    </div>
  );
}
