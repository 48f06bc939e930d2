import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../state/kioskStore.ts';

/**
 * A fitted ID-card reader that does not read (no answer, bad checksums): the screen stops inviting
 * a card and says so, so a citizen who places one anyway is not left waiting for nothing.
 */
export function ReaderNotice(): ReactNode {
  const { t } = useTranslation();
  const reader = useKiosk((s) => s.host?.devices.reader);
  if (reader !== 'offline') return null;
  return (
    <div className="banner warn" role="status" data-testid="reader-out">
      {t('howto.readerOut')}
    </div>
  );
}
