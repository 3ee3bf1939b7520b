import { useT } from '@/i18n';

/** Sentences for the console's error codes (ErrorState falls back to the common ones). */
export function useAdminErrors(): Record<string, string> {
  const { t } = useT();
  return t('adminWorkshops.errors', { returnObjects: true }) as Record<string, string>;
}
