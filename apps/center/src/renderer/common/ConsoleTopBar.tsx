import { useTranslation } from 'react-i18next';
import { localName } from '@hallkit/core';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useSession } from '../api/useSession.ts';

/** The consoles' header: hall name (in the console's language) · console title, the language switch, and log-out when signed in. */
export function ConsoleTopBar({ hallName, title, signedIn, onLogout }: { hallName: string; title: string; signedIn: boolean; onLogout: () => void }) {
  const { t, i18n } = useTranslation();
  const hallNameI18n = useSession((s) => s.hallNameI18n);
  return (
    <header className="topbar">
      <h1>
        {localName({ name: hallName, i18n: hallNameI18n }, i18n.language)} · {title}
      </h1>
      <LanguageSwitch />
      {signedIn && (
        <button className="secondary" onClick={onLogout}>
          {t('login.logout')}
        </button>
      )}
    </header>
  );
}
