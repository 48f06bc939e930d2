import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../state/kioskStore.ts';

/** Says in plain words when the printer cannot print, and what happens instead. */
export function PrinterBanner(): ReactNode {
  const { t } = useTranslation();
  const printer = useKiosk((s) => s.host?.devices.printer);
  if (!printer || printer === 'ready' || printer === 'absent') return null;
  const key = printer === 'paper-empty' ? 'print.bannerPaper' : printer === 'cover-open' ? 'print.bannerCover' : 'print.bannerOffline';
  return (
    <div className="banner warn" role="alert" data-testid="printer-banner">
      {t(key)}
    </div>
  );
}
