import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The consoles' header: hall name · console title, the language switch, and log-out when signed in. */
export function ConsoleTopBar({ hallName, title, signedIn, onLogout }: { hallName: string; title: string; signedIn: boolean; onLogout: () => void }) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <h1>
        {hallName} · {title}
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
