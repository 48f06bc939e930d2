import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../state/kioskStore.ts';

export function Home(): ReactNode {
  const { t } = useTranslation();
  const go = useKiosk((s) => s.go);
  const card = useKiosk((s) => s.card);
  const reader = useKiosk((s) => s.host?.devices.reader);
  // A card notice (refused, not read) stands where the invitation to place a card is: one at a time.
  const cardNotice = useKiosk((s) => s.notice?.startsWith('card.') ?? false);
  return (
    <main className="screen home">
      {card && <div className="greeting">{t('home.greeting', { name: card.greetingName })}</div>}
      <h1>{t('home.title')}</h1>
      <div className="home-actions">
        <button type="button" className="action take" data-testid="go-take" onClick={() => go('take')}>
          <span className="action-title">{t('home.take')}</span>
          <span className="action-sub">{t('home.takeSub')}</span>
        </button>
        <button type="button" className="action checkin" data-testid="go-checkin" onClick={() => go('checkIn')}>
          <span className="action-title">{t('home.checkIn')}</span>
          <span className="action-sub">{t('home.checkInSub')}</span>
        </button>
        <button type="button" className="action progress" data-testid="go-progress" onClick={() => go('progress')}>
          <span className="action-title">{t('home.progress')}</span>
          <span className="action-sub">{t('home.progressSub')}</span>
        </button>
      </div>
      {reader === 'ready' && !card && !cardNotice && (
        <div className="card-hint" data-testid="card-hint">
          {t('home.card')}
        </div>
      )}
    </main>
  );
}
