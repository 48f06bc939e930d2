import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The ways in, as big panels: only those whose device is there (a missing scanner or reader hides its way). */
export function HowTo({ scan, card, scanText, cardText }: { scan: boolean; card: boolean; scanText: string; cardText: string }): ReactNode {
  const { t } = useTranslation();
  if (!scan && !card) return null;
  return (
    <div className="howto">
      {scan && (
        <div className="howto-way" data-testid="howto-scan">
          <div className="howto-icon qr-icon" aria-hidden />
          <div>
            <div className="howto-title">{t('howto.scan')}</div>
            <div className="howto-text">{scanText}</div>
          </div>
        </div>
      )}
      {card && (
        <div className="howto-way" data-testid="howto-card">
          <div className="howto-icon card-icon" aria-hidden />
          <div>
            <div className="howto-title">{t('howto.card')}</div>
            <div className="howto-text">{cardText}</div>
          </div>
        </div>
      )}
      <div className="howto-or">{t('howto.or')}</div>
    </div>
  );
}
