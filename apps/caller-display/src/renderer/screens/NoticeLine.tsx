import { useTranslation } from 'react-i18next';

/** The center's notice, scrolling right to left (a CSS animation: no timers, no layout work per frame). */
export function NoticeLine({ text, animate }: { text: string | null; animate: boolean }) {
  const { t } = useTranslation();
  const shown = text && text.trim() ? text : t('board.defaultNotice');
  return (
    <div className="notice" data-testid="notice">
      <div className={animate ? 'notice-text scrolling' : 'notice-text'} style={animate ? { animationDuration: `${Math.max(12, shown.length * 0.45)}s` } : undefined}>
        <span>{shown}</span>
        {animate ? <span aria-hidden="true">{shown}</span> : null}
      </div>
    </div>
  );
}
