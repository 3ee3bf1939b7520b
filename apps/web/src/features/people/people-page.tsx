import { useEffect, useState } from 'react';
import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { BUSINESS_TYPES, type BusinessType, type Role } from '@/api/types';
import { useT } from '@/i18n';
import { StaffPage } from '@/ui/staff-page';
import { Empty, ErrorState, Loading } from '@/ui/states';
import { AreaFilter } from './area-fields';
import { ALL_ROLES, filtersFrom, hasFilters, paramsOf, type PeopleFilters } from './filters';
import { usePeople, type Person } from './queries';
import { RoleBadges } from './role-badges';
import classes from './people.module.css';

function PersonRow({ p }: { p: Person }) {
  const { t } = useT();
  return (
    <Card withBorder padding="sm" component="li" data-testid="person" data-id={p.id}>
      <UnstyledButton component={Link} to={`/admin/people/${p.id}`} className={classes.row}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} className={classes.wrap}>
            {p.name}
          </Text>
          {p.disabled && (
            <Badge color="gray" variant="filled" className={classes.none}>
              {t('people.disabled')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed" className={classes.wrap}>
          {p.email}
          {p.phone && ` · ${p.phone}`}
        </Text>
        {p.business && (
          <Text size="sm" className={classes.wrap}>
            {p.business.name} · {t(`common.businessTypes.${p.business.type}`)}
          </Text>
        )}
        {p.mentor && <Text size="sm">{t('people.mentorOf', { count: p.mentor.kelurahanCodes.length })}</Text>}
        <RoleBadges roles={p.roles} />
      </UnstyledButton>
    </Card>
  );
}

function Results({ filters }: { filters: PeopleFilters }) {
  const { t } = useT();
  const q = usePeople(filters);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  if (q.isPending) return <Loading />;
  if (q.error && items.length === 0) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (items.length === 0) return <Empty title={t('people.empty')}>{t('people.emptyHint')}</Empty>;
  return (
    <Stack gap="sm" aria-busy={q.isFetching}>
      <ul className={classes.list} data-testid="people">
        {items.map((p) => (
          <PersonRow key={p.id} p={p} />
        ))}
      </ul>
      {q.hasNextPage && (
        <Button variant="default" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('people.more')}
        </Button>
      )}
    </Stack>
  );
}

/** Pengguna: everyone, searched by name, email, phone or business and filtered by role, business type and area. */
export function PeoplePage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [text, setText] = useState(filters.q);
  const [debounced] = useDebouncedValue(text, 300);
  const set = (patch: Partial<PeopleFilters>) => setParams(paramsOf({ ...filtersFrom(params), ...patch }), { replace: true });
  useEffect(() => {
    if (debounced !== filtersFrom(params).q) set({ q: debounced });
    // Only the typed text drives this; the other filters are set directly.
  }, [debounced]);
  const short = text.trim().length === 1;
  return (
    <StaffPage
      area="admin"
      title={t('people.title')}
      actions={
        <Button component={Link} to="/admin/people/new" leftSection={<IconPlus size={16} aria-hidden />}>
          {t('people.add')}
        </Button>
      }
    >
      <Card withBorder padding="sm" component="section" aria-label={t('people.search')}>
        <Stack gap="sm">
          <TextInput
            type="search"
            label={t('people.search')}
            placeholder={t('people.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            description={short ? t('people.searchShort') : undefined}
          />
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <Select
              label={t('people.role')}
              placeholder={t('people.anyRole')}
              clearable
              data={ALL_ROLES.map((r) => ({ value: r, label: t(`people.roles.${r}`) }))}
              value={filters.role}
              onChange={(v) => set({ role: v as Role | null })}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('people.businessType')}
              placeholder={t('people.anyBusinessType')}
              clearable
              data={BUSINESS_TYPES.map((b) => ({ value: b, label: t(`common.businessTypes.${b}`) }))}
              value={filters.businessType}
              onChange={(v) => set({ businessType: v as BusinessType | null })}
              comboboxProps={{ withinPortal: true }}
            />
            <AreaFilter kecamatan={filters.kecamatanCode} kelurahan={filters.kelurahanCode} onChange={set} />
          </SimpleGrid>
          {hasFilters(filters) && (
            <Group>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => {
                  setText('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                {t('people.clearFilters')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
      <Results filters={filters} />
    </StaffPage>
  );
}
