// One sentence for any failure, from the i18n files (with the refusal's numbers filled in).
import { useTranslation } from 'react-i18next';
import { MobileApiError } from './api.ts';

export function useErrorText(): (e: unknown) => string {
  const { t } = useTranslation();
  return (e) => {
    if (e instanceof MobileApiError) return t(`errors.${e.code}`, { ...e.params, defaultValue: t('errors.unknown') });
    return t('errors.unknown');
  };
}
