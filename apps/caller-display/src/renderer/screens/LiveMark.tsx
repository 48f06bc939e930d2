import { useTranslation } from 'react-i18next';

/** Small and out of the way: the board keeps showing the last state, marked as not live. */
export function LiveMark({ live }: { live: boolean }) {
  const { t } = useTranslation();
  if (live) return null;
  return (
    <div className="not-live" data-testid="not-live" role="status">
      {t('board.notLive')}
    </div>
  );
}
