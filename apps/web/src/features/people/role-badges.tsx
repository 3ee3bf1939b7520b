import { Badge, Group } from '@mantine/core';
import type { Role } from '@/api/types';
import { useT } from '@/i18n';

const COLORS: Record<Role, string> = { entrepreneur: 'teal', mentor: 'blue', speaker: 'grape', admin: 'orange' };

export function RoleBadges({ roles }: { roles: Role[] }) {
  const { t } = useT();
  return (
    <Group gap={4}>
      {roles.map((r) => (
        <Badge key={r} variant="light" color={COLORS[r]} size="sm">
          {t(`people.roles.${r}`)}
        </Badge>
      ))}
    </Group>
  );
}
