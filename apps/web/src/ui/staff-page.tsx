import type { ReactNode } from 'react';
import { Group, Stack, Title } from '@mantine/core';
import { NavLink } from 'react-router';
import { useT } from '@/i18n';
import { RequireRole } from './require-role';
import { STAFF_AREAS, type AreaName, type StaffArea } from './staff-areas';
import classes from './staff-page.module.css';

/** The section bar of a staff area: a row of links that scrolls sideways on a phone. */
export function SectionNav({ area }: { area: AreaName }) {
  const { t } = useT();
  const { sections, navKey }: StaffArea = STAFF_AREAS[area];
  if (sections.length < 2) return null;
  return (
    <nav aria-label={t(`common.nav.${navKey}`)} className={classes.sections}>
      {sections.map((s) => (
        <NavLink key={s.to} to={s.to} end={s.end} className={classes.section}>
          {t(`common.sections.${s.key}`)}
        </NavLink>
      ))}
    </nav>
  );
}

/**
 * A page of a staff area: the role check (the not-allowed screen for anyone else; the api refuses them
 * anyway), the area's section bar, the page's heading with its actions, then the page.
 */
export function StaffPage({ area, title, actions, children }: { area: AreaName; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <RequireRole roles={STAFF_AREAS[area].roles}>
      <Stack gap="md">
        <SectionNav area={area} />
        {/* Top-aligned: a tall actions block (status, buttons, a confirmation) must not push the title down. */}
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={1} size="h2">
            {title}
          </Title>
          {actions}
        </Group>
        {children}
      </Stack>
    </RequireRole>
  );
}
