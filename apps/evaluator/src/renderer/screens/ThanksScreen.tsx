import { useTranslation } from 'react-i18next';

export function ThanksScreen({ bad }: { bad: boolean }) {
  const { t } = useTranslation();
  return (
    <main className="screen thanks" data-screen="thanks">
      <svg width="160" height="160" viewBox="0 0 100 100" aria-hidden="true">
        <circle cx="50" cy="50" r="44" fill="none" stroke="currentColor" strokeWidth="6" />
        <path d="M28 52 L44 68 L74 36" fill="none" stroke="currentColor" strokeWidth="8" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <h1>{t('thanks.title')}</h1>
      <p>{bad ? t('thanks.bad') : t('thanks.good')}</p>
    </main>
  );
}
