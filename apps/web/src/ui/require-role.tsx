import type { ReactNode } from 'react';
import { Button, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Role } from '@/api/types';
import { RequireAuth, useMe } from '@/lib/auth';
import { useT } from '@/i18n';

/** "Not allowed": the page exists, but not for this account; says who it is for and leads home. */
export function NotAllowed({ roles }: { roles: Role[] }) {
  const { t } = useT();
  return (
    <Stack align="center" py="xl" gap="sm" ta="center" maw={480} mx="auto" data-testid="not-allowed">
      <ThemeIcon size={48} radius="xl" variant="light" color="gray" aria-hidden>
        <IconLock size={26} />
      </ThemeIcon>
      <Title order={1} size="h3">
        {t('common.notAllowed.title')}
      </Title>
      <Text>{t('common.notAllowed.body', { roles: roles.map((r) => t(`common.roles.${r}`)).join(t('common.notAllowed.or')) })}</Text>
      <Button component={Link} to="/">
        {t('common.errors.goHome')}
      </Button>
    </Stack>
  );
}

/**
 * Pages for some roles only (a mentor's availability, staff pages): a login first, then the page for a
 * person holding any of `roles`, the not-allowed screen for everyone else. The api refuses them anyway (403).
 */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  return (
    <RequireAuth>
      <Allowed roles={roles}>{children}</Allowed>
    </RequireAuth>
  );
}

function Allowed({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { me } = useMe();
  return roles.some((r) => me?.roles.includes(r)) ? <>{children}</> : <NotAllowed roles={roles} />;
}
