import { Alert } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { useT } from '@/i18n';

/** Says when the device is offline: the page stays usable and queries refetch when the line is back. */
export function ConnectionBanner() {
  const { t } = useT();
  const { online } = useNetwork();
  if (online) return null;
  return (
    <Alert color="yellow" radius={0} py={6} role="status" data-testid="offline-banner">
      {t('common.offline')}
    </Alert>
  );
}
