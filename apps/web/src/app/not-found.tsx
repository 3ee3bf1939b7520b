import { Button, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '@/i18n';

export function NotFound() {
  const { t } = useT();
  return (
    <Stack align="center" py="xl">
      <Title order={1} size="h3">
        {t('common.errors.notFoundPage')}
      </Title>
      <Button component={Link} to="/">
        {t('common.errors.goHome')}
      </Button>
    </Stack>
  );
}
