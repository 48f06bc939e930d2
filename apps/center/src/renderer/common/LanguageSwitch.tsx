import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '@hallkit/ui/i18n/createI18n';
import { setLanguage } from '../i18n/i18n.ts';

export function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <select className="lang" aria-label="language" value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
      {LANGUAGES.map((l) => (
        <option key={l.code} value={l.code}>
          {l.label}
        </option>
      ))}
    </select>
  );
}
