import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../state/kioskStore.ts';
import { QrImage } from './QrImage.tsx';

/**
 * 现场扫码取号 on the idle screen: the hall's rotating door code (it proves the phone is in the hall),
 * and a line for those who come back to rate. Hidden when the hall has it off or the code lapsed.
 */
/** The door code while it is valid (hidden, and not spoken, once it lapsed or the hall has it off). */
export function useDoorShown(): { url: string } | null {
  const door = useKiosk((s) => s.host?.door);
  return door && Date.parse(door.changesAt) > Date.now() ? door : null;
}

export function DoorQr(): ReactNode {
  const { t } = useTranslation();
  const door = useDoorShown();
  if (!door) return null;
  return (
    <div className="door-qr" data-testid="door-qr" data-url={door.url}>
      <QrImage payload={door.url} size={260} />
      <div className="door-qr-text">
        <div className="door-qr-title">{t('door.title')}</div>
        <div className="door-qr-hint">{t('door.hint')}</div>
        <div className="door-qr-rate">{t('door.rate')}</div>
      </div>
    </div>
  );
}
