// Take a ticket for the citizen at the desk: the queue, optionally the item, and 绿色通道 with its ground.
import { waitOptions } from '@hallkit/ui/i18n/waitOptions';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, type DeskView, type GreenGround } from './useDesk.ts';

const GROUNDS: GreenGround[] = ['elderly', 'disabled', 'pregnant', 'key-project', 'other'];

export function IssuePanel({ view }: { view: DeskView }) {
  const { t } = useTranslation();
  const { issue, issueError } = useDesk();
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [itemId, setItemId] = useState('');
  const [green, setGreen] = useState(false);
  const [ground, setGround] = useState<GreenGround>('elderly');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const category = view.categories.find((c) => c.id === categoryId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!category) return;
    setBusy(true);
    const got = await issue(category.id, itemId || null, green ? { ground, ...(note.trim() ? { note: note.trim() } : {}) } : null);
    setBusy(false);
    // Ready for the next citizen: a green choice never carries over to them.
    if (got) {
      setGreen(false);
      setNote('');
      setItemId('');
    }
  };

  return (
    <form className="card desk-issue" onSubmit={(e) => void submit(e)}>
      <h2>{t('desk.issueTitle')}</h2>
      <fieldset className="desk-categories" aria-label={t('desk.category')}>
        {view.categories.map((c) => (
          <label key={c.id} className={`desk-category${c.id === categoryId ? ' chosen' : ''}${c.open ? '' : ' closed'}`} data-testid={`category-${c.id}`}>
            <input type="radio" name="category" value={c.id} checked={c.id === categoryId} disabled={!c.open} onChange={() => (setCategoryId(c.id), setItemId(''))} />
            <span className="prefix">{c.prefix}</span>
            <span className="name">{c.name}</span>
            <span className="meta">
              {!c.open ? t('desk.closed') : `${t('desk.waitingN', { n: c.waiting })} · ${c.estimateMinutes === null ? t('desk.noWindow') : t('desk.waitMinutes', waitOptions(c.estimateMinutes))}`}
            </span>
          </label>
        ))}
      </fieldset>
      {category && category.items.length > 0 && (
        <label className="desk-field">
          {t('desk.item')}
          <select value={itemId} onChange={(e) => setItemId(e.target.value)} data-testid="desk-item">
            <option value="">{t('desk.anyItem')}</option>
            {category.items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset className={`desk-green${green ? ' on' : ''}`}>
        <label className="check">
          <input type="checkbox" checked={green} onChange={(e) => setGreen(e.target.checked)} data-testid="desk-green" />
          <strong>{t('desk.green')}</strong>
        </label>
        <span className="note">{t('desk.greenHint')}</span>
        {green && (
          <div className="row wrap" role="radiogroup" aria-label={t('desk.ground')}>
            {GROUNDS.map((g) => (
              <label key={g} className="check">
                <input type="radio" name="ground" value={g} checked={g === ground} onChange={() => setGround(g)} data-testid={`ground-${g}`} />
                {t(`desk.grounds.${g}`)}
              </label>
            ))}
            {ground === 'other' && <input aria-label={t('desk.note')} placeholder={t('desk.notePlaceholder')} value={note} maxLength={60} onChange={(e) => setNote(e.target.value)} required />}
          </div>
        )}
      </fieldset>
      {issueError && (
        <p className="error" role="alert" data-testid="desk-error">
          {t(`deskError.${issueError}`, { defaultValue: t(`error.${issueError}`, { defaultValue: issueError }) })}
        </p>
      )}
      <button type="submit" className="desk-take" disabled={!category || busy} data-testid="desk-issue">
        {green ? t('desk.issueGreen') : t('desk.issue')}
        {category ? ` · ${category.prefix} ${category.name}` : ''}
      </button>
    </form>
  );
}
