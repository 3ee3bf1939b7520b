import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useT } from '@/i18n';

/** A page that failed to load (a chunk lost on a weak line, a render error): say so and offer a reload. */
export function RouteError() {
  const { t } = useT();
  return (
    <Container size="sm" py="xl">
      <Stack align="center" ta="center">
        <Title order={1} size="h3">
          {t('common.errors.title')}
        </Title>
        <Text c="dimmed">{t('common.errors.UNKNOWN')}</Text>
        <Button onClick={() => window.location.reload()}>{t('common.retry')}</Button>
      </Stack>
    </Container>
  );
}
