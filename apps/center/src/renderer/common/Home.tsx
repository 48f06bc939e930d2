import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import '../styles.css';

export function Home() {
  const { t } = useTranslation();
  return (
    <main className="home">
      <header className="topbar">
        <h1>{t('home.title')}</h1>
        <LanguageSwitch />
      </header>
      <ul className="card">
        <li>
          <a href="/admin">{t('home.admin')}</a>
        </li>
        <li>
          <a href="/desk">{t('desk.title')}</a>
        </li>
        <li>
          {t('home.console')} <code>/console/w5</code>
        </li>
      </ul>
    </main>
  );
}
