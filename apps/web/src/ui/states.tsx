import type { ReactNode } from 'react';
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { errorCode } from '@/api/client';
import { useT } from '@/i18n';

/** Loading: a spinner with words, so a slow line reads as "working", not "broken". */
export function Loading({ label }: { label?: string }) {
  const { t } = useT();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="sm" aria-hidden />
        <Text size="sm" c="dimmed">
          {label ?? t('common.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

/** Empty: say what is missing and, where there is one, the next step. */
export function Empty({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Stack align="center" gap="xs" py="xl" ta="center" data-testid="empty">
      <Text fw={600}>{title}</Text>
      {children && (
        <Text size="sm" c="dimmed">
          {children}
        </Text>
      )}
      {action}
    </Stack>
  );
}

/** Error: a sentence for the error code in the person's language and a retry. */
export function ErrorState({ error, onRetry, messages }: { error: unknown; onRetry?: () => void; messages?: Record<string, string> }) {
  const { t } = useT();
  const code = errorCode(error);
  const text = messages?.[code] ?? (t(`common.errors.${code}`, { defaultValue: '' }) || t('common.errors.UNKNOWN'));
  return (
    <Alert color="red" title={t('common.errors.title')} role="alert" data-testid="error">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{text}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** One query's three states in one place: loading, error with retry, then the content. */
export function QueryState<T>({ query, children, loading }: { query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown }; children: (data: T) => ReactNode; loading?: string }) {
  if (query.isPending) return <Loading label={loading} />;
  if (query.error || query.data === undefined) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
