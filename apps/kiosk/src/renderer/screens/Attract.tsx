import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '@hallkit/core';
import { useKiosk } from '../state/kioskStore.ts';
import { DoorQr, useDoorShown } from '../components/DoorQr.tsx';
import { sayIfOn } from '../voice.ts';
import './door.css';

/** What an unattended kiosk shows: an invitation, never a dead screen. Any touch starts. */
export function Attract(): ReactNode {
  const { t } = useTranslation();
  const go = useKiosk((s) => s.go);
  const host = useKiosk((s) => s.host);
  const language = useKiosk((s) => s.language);
  const speaking = useKiosk((s) => s.voice || s.elder);
  const door = useDoorShown();
  // 语音导航 on the idle screen: the invitation, and the phone's way in when the door code is up.
  useEffect(() => {
    sayIfOn(door ? `${t('say.attract')} ${t('say.attractDoor')}` : t('say.attract'));
  }, [speaking, door, language, t]);
  return (
    <button type="button" className="attract" data-testid="attract" onClick={() => go('home')}>
      <div className="attract-title">{t('attract.title')}</div>
      <div className="attract-hall">{host ? localName({ name: host.hallName, i18n: host.hallNameI18n }, language) : ''}</div>
      <div className="attract-touch">{t('attract.touch')}</div>
      {host?.devices.reader === 'ready' && <div className="attract-card">{t('attract.card')}</div>}
      <DoorQr />
    </button>
  );
}
