import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '@/api/client';
import type { Availability, Me } from '@/api/types';
import { useMe } from '@/lib/auth';
import { zoneLabel } from '@/lib/datetime';
import { useT } from '@/i18n';
import { StaffPage } from '@/ui/staff-page';
import { ErrorState, QueryState } from '@/ui/states';
import { formOf, hasProblems, inputOf, type AvailabilityForm } from './availability/form';
import { OverridesCard } from './availability/overrides-card';
import { useMyAvailability, useSaveAvailability } from './availability/queries';
import { RulesFields } from './availability/rules-fields';
import { SlotPreview } from './availability/slot-preview';
import { WeeklyHours } from './availability/weekly-hours';

function Editor({ me, stored }: { me: Me; stored: Availability | null }) {
  const { t } = useT();
  const [form, setForm] = useState<AvailabilityForm>(() => formOf(stored));
  const [dirty, setDirty] = useState(false);
  const [tried, setTried] = useState(false);
  const save = useSaveAvailability(me.id);
  const zone = me.timezone;
  const set = (patch: Partial<AvailabilityForm>) => {
    save.reset();
    setDirty(true);
    setForm({ ...form, ...patch });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (hasProblems(form)) return;
    save.mutate(inputOf(form, zone), { onSuccess: () => setDirty(false) });
  };
  const details = save.error instanceof ApiError ? save.error.details : [];
  return (
    <>
      <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="weekly-title" data-testid="availability-form">
        <Stack gap="md">
          {!stored && (
            <Alert color="blue" py="xs">
              {t('availability.firstTime')}
            </Alert>
          )}
          {stored && stored.timezone !== zone && (
            <Alert color="yellow" py="xs">
              {t('availability.otherZone', { stored: `${zoneLabel(stored.timezone)} (${stored.timezone})`, zone: `${zoneLabel(zone)} (${zone})` })}
            </Alert>
          )}
          <Title order={2} size="h4" id="weekly-title">
            {t('availability.weekly.title')}
          </Title>
          <WeeklyHours days={form.days} onChange={(days) => set({ days })} />
          <Title order={2} size="h4">
            {t('availability.rules.title')}
          </Title>
          <RulesFields value={form} onChange={set} />
          {tried && hasProblems(form) && (
            <Alert color="red" role="alert" py="xs">
              {t('availability.fix')}
            </Alert>
          )}
          {save.error && (
            <>
              <ErrorState error={save.error} />
              {details.length > 0 && (
                <Text size="sm" c="red.9" component="ul">
                  {details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </Text>
              )}
            </>
          )}
          {save.isSuccess && (
            <Alert color="teal" role="status" py="xs">
              {t('availability.saved')}
            </Alert>
          )}
          <Button type="submit" loading={save.isPending}>
            {t('availability.save')}
          </Button>
        </Stack>
      </Card>
      {stored ? (
        <OverridesCard mentorId={me.id} availability={stored} />
      ) : (
        <Card withBorder component="section" aria-labelledby="overrides-title">
          <Title order={2} size="h4" id="overrides-title" mb="xs">
            {t('availability.overrides.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('availability.overrides.needWeekly')}
          </Text>
        </Card>
      )}
      <SlotPreview mentorId={me.id} zone={stored?.timezone ?? zone} unsaved={dirty} />
    </>
  );
}

function AvailabilityEditor() {
  const { t } = useT();
  const { me } = useMe();
  const availability = useMyAvailability();
  const zone = me!.timezone;
  return (
    <Stack maw={760}>
      <Text size="sm">
        {t('availability.intro', { zone: `${zoneLabel(zone)} (${zone})` })}{' '}
        <Anchor component={Link} to="/mentor/week" size="sm">
          {t('availability.week.title')}
        </Anchor>
      </Text>
      <QueryState query={availability} loading={t('availability.loading')}>
        {(stored) => <Editor me={me!} stored={stored} />}
      </QueryState>
    </Stack>
  );
}

/** Ketersediaan: a mentor's weekly hours, booking rules, date overrides and the slots they give. */
export function AvailabilityPage() {
  const { t } = useT();
  return (
    <StaffPage area="mentor" title={t('availability.title')}>
      <AvailabilityEditor />
    </StaffPage>
  );
}
