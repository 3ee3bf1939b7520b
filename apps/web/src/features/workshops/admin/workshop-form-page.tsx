import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Card, Group, Input, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { TOPICS, type Topic, type Workshop } from '@/api/types';
import { useZone } from '@/lib/auth';
import { useT } from '@/i18n';
import { StaffPage } from '@/ui/staff-page';
import { ErrorState, QueryState } from '@/ui/states';
import { useWorkshop } from '../workshop-queries';
import { useCreateWorkshop, useUpdateWorkshop } from './admin-queries';
import { QuotaFields } from './quota-fields';
import { RecurrenceFields } from './recurrence-fields';
import { SessionRows } from './session-rows';
import { SpeakersPicker } from './speakers-picker';
import { apiProblems, changeOf, emptyForm, formOf, formProblems, hasProblems, inputOf, previewOf, rowSessions, type Field, type WorkshopForm } from './workshop-form';
import { useAdminErrors } from './use-admin-errors';

/** /admin/workshops/new: a draft, with single sessions or a weekly series. */
export function NewWorkshopPage() {
  const { t } = useT();
  return (
    <StaffPage area="admin" title={t('adminWorkshops.form.newTitle')}>
      <Anchor component={Link} to="/admin/workshops" size="sm">
        ← {t('adminWorkshops.form.back')}
      </Anchor>
      <Editor />
    </StaffPage>
  );
}

/** /admin/workshops/:id/edit: the same form, sending only what changed. */
export function EditWorkshopPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  return (
    <StaffPage area="admin" title={t('adminWorkshops.form.editTitle')}>
      <Anchor component={Link} to={`/admin/workshops/${id}`} size="sm">
        ← {t('adminWorkshops.form.backToWorkshop')}
      </Anchor>
      <EditorOf id={id} />
    </StaffPage>
  );
}

/** Inside the role check: only an admin reads the workshop (a draft is 404 to others). */
function EditorOf({ id }: { id: string }) {
  const workshop = useWorkshop(id);
  return <QueryState query={workshop}>{(w) => <Editor key={w.id} workshop={w} />}</QueryState>;
}

function Editor({ workshop }: { workshop?: Workshop }) {
  const { t } = useT();
  const zone = useZone();
  const navigate = useNavigate();
  const errors = useAdminErrors();
  const initial = useMemo(() => (workshop ? formOf(workshop, zone) : emptyForm(zone)), [workshop, zone]);
  const [form, setForm] = useState<WorkshopForm>(initial);
  const [tried, setTried] = useState(false);
  const [nothing, setNothing] = useState(false);
  const create = useCreateWorkshop();
  const update = useUpdateWorkshop(workshop?.id ?? '');
  const save = workshop ? update : create;
  const problems = formProblems(form, zone);
  const fromApi = apiProblems(save.error);
  const set = (patch: Partial<WorkshopForm>) => {
    save.reset();
    setNothing(false);
    setForm((f) => ({ ...f, ...patch }));
  };
  /** The client's own sentence first (Indonesian), then what the api said about the field. */
  const fieldError = (field: Field) => {
    const mine = tried ? (problems.fields[field] ?? []).map((k) => t(`adminWorkshops.form.problems.${k}`)) : [];
    const all = [...mine, ...(fromApi.fields[field] ?? [])];
    return all.length ? all.join(' ') : undefined;
  };
  const firstStart = form.mode === 'weekly' ? (previewOf(form.series)[0]?.start ?? null) : (rowSessions(form.sessions, zone).map((s) => s.start).filter((d): d is Date => !!d).sort((a, b) => a.getTime() - b.getTime())[0] ?? null);
  const hadSeries = !!workshop?.recurrence;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (hasProblems(problems)) return;
    if (!workshop) {
      create.mutate(inputOf(form, zone), { onSuccess: (created) => navigate(`/admin/workshops/${created.id}`) });
      return;
    }
    const change = changeOf(form, initial, zone);
    if (Object.keys(change).length === 0) return setNothing(true);
    update.mutate(change, { onSuccess: () => navigate(`/admin/workshops/${workshop.id}`) });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="workshop-form">
      <Stack gap="md">
        <Card withBorder component="section" aria-labelledby="about-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="about-title">
              {t('adminWorkshops.form.about')}
            </Title>
            <TextInput label={t('adminWorkshops.form.title')} value={form.title} onChange={(e) => set({ title: e.currentTarget.value })} error={fieldError('title')} maxLength={200} required />
            <Textarea
              label={t('adminWorkshops.form.description')}
              description={t('adminWorkshops.form.descriptionHint')}
              value={form.description}
              onChange={(e) => set({ description: e.currentTarget.value })}
              error={fieldError('description')}
              autosize
              minRows={4}
              maxLength={5000}
              required
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('adminWorkshops.form.topic')}
                placeholder={t('adminWorkshops.form.topicPlaceholder')}
                data={TOPICS.map((v) => ({ value: v, label: t(`common.topics.${v}`) }))}
                value={form.topic}
                onChange={(v) => set({ topic: (v as Topic) ?? null })}
                error={fieldError('topic')}
                required
              />
              <NumberInput label={t('adminWorkshops.form.capacity')} value={form.capacity} min={1} max={10000} onChange={(v) => set({ capacity: v === '' ? '' : Number(v) })} error={fieldError('capacity')} required />
            </SimpleGrid>
            <SpeakersPicker value={form.speakers} onChange={(speakers) => set({ speakers })} error={fieldError('speakerIds')} />
          </Stack>
        </Card>

        <Card withBorder component="section" aria-labelledby="schedule-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="schedule-title">
              {t('adminWorkshops.form.schedule')}
            </Title>
            <div>
              <Input.Label id="format-label" display="block" mb={4}>
                {t('adminWorkshops.form.format')}
              </Input.Label>
              <SegmentedControl
                aria-labelledby="format-label"
                value={form.mode}
                onChange={(mode) => set({ mode: mode === 'single' ? 'single' : 'weekly' })}
                data={[
                  { value: 'weekly', label: t('adminWorkshops.form.formatWeekly') },
                  { value: 'single', label: t('adminWorkshops.form.formatSingle') },
                ]}
              />
            </div>
            {hadSeries && form.mode === 'single' && initial.mode === 'single' && <Text size="sm" c="dimmed">{t('adminWorkshops.form.seriesKept')}</Text>}
            {workshop && form.mode === 'weekly' && workshop.registeredCount + workshop.waitlistCount > 0 && (
              <Alert color="yellow" py="xs">
                {t('adminWorkshops.form.replaceWarning')}
              </Alert>
            )}
            {form.mode === 'weekly' ? (
              <RecurrenceFields value={form.series} onChange={(series) => set({ series })} problems={problems.series} show={tried} apiErrors={[...(fromApi.fields.recurrence ?? []), ...(fromApi.fields.sessions ?? [])]} />
            ) : (
              <>
                <SessionRows rows={form.sessions} onChange={(sessions) => set({ sessions })} zone={zone} />
                {fieldError('sessions') && (
                  <Text size="sm" c="red.9" role="alert">
                    {fieldError('sessions')}
                  </Text>
                )}
              </>
            )}
          </Stack>
        </Card>

        <Card withBorder component="section" aria-labelledby="quotas-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="quotas-title">
              {t('adminWorkshops.form.quotas')}
            </Title>
            <QuotaFields rows={form.quotas} onChange={(quotas) => set({ quotas })} firstStart={firstStart} error={fieldError('kecamatanQuotas')} />
          </Stack>
        </Card>

        {tried && hasProblems(problems) && (
          <Alert color="red" role="alert" py="xs">
            {t('adminWorkshops.form.fix')}
          </Alert>
        )}
        {save.error && (
          <>
            <ErrorState error={save.error} messages={errors} />
            {fromApi.general.length > 0 && (
              <Text size="sm" c="red.9" component="ul" data-testid="api-problems">
                {fromApi.general.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </Text>
            )}
          </>
        )}
        {nothing && (
          <Alert color="blue" role="status" py="xs">
            {t('adminWorkshops.form.noChange')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" component={Link} to={workshop ? `/admin/workshops/${workshop.id}` : '/admin/workshops'}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {workshop ? t('adminWorkshops.form.save') : t('adminWorkshops.form.saveDraft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
