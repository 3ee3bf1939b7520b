import type { ReactNode } from 'react';
import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import type { AssistanceCase, EntrepreneurHistory, HistoryConsultation } from '@/api/types';
import { useZone } from '@/lib/auth';
import { formatDate, formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { RequireRole } from '@/ui/require-role';
import { Empty, ErrorState, Loading } from '@/ui/states';
import { StatusBadge } from '../status-badge';
import { CaseSummary } from './case-summary';
import { useHistory } from './queries';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function Profile({ p }: { p: EntrepreneurHistory['profile'] }) {
  const { t } = useT();
  return (
    <Card withBorder component="section" aria-labelledby="profile-heading" data-testid="history-profile">
      <Title order={2} size="h4" id="profile-heading" mb="xs">
        {t('mentorDesk.history.profile')}
      </Title>
      {p.businessName ? (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Field label={t('mentorDesk.history.business')}>{p.businessName}</Field>
          <Field label={t('mentorDesk.history.businessType')}>{p.businessType ? t(`common.businessTypes.${p.businessType}`) : '–'}</Field>
          <Field label={t('mentorDesk.history.kelurahan')}>{p.kelurahan?.name ?? '–'}</Field>
          <Field label={t('mentorDesk.history.kecamatan')}>{p.kecamatan?.name ?? '–'}</Field>
        </SimpleGrid>
      ) : (
        <Text size="sm" c="dimmed">
          {t('mentorDesk.history.noBusiness')}
        </Text>
      )}
    </Card>
  );
}

function ConsultationEntry({ c }: { c: HistoryConsultation }) {
  const { t, lang } = useT();
  const zone = useZone();
  const topic = t(`common.topics.${c.topic}`);
  const date = formatDateTime(c.start, lang, zone);
  return (
    <Card withBorder padding="sm" component="article" data-testid="history-consultation" data-id={c.id}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Text fw={700}>{date}</Text>
          <StatusBadge status={c.status} />
        </Group>
        <Text size="sm" fw={600}>
          {topic} · {t('mentorDesk.history.with', { name: c.mentorName })}
        </Text>
        {c.outcome ? (
          <Stack gap={4} data-testid="history-outcome">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.outcome.summary}
            </Text>
            {c.outcome.actions.length > 0 && (
              <List size="sm" spacing={2}>
                {c.outcome.actions.map((a, i) => (
                  <List.Item key={i}>{a}</List.Item>
                ))}
              </List>
            )}
            {c.outcome.followUpOn && (
              <Text size="xs" c="dimmed">
                {t('consultations.outcome.followUp', { date: formatDate(`${c.outcome.followUpOn}T05:00:00Z`, lang, zone) })}
                {c.outcome.followUpDoneAt && ` · ${t('consultations.outcome.followUpDone')}`}
              </Text>
            )}
          </Stack>
        ) : (
          c.status === 'booked' &&
          new Date(c.start) < new Date() && (
            <Text size="sm" c="dimmed">
              {t('mentorDesk.history.noOutcome')}
            </Text>
          )
        )}
        <Anchor component={Link} to={`/consultations/${c.id}`} size="sm" aria-label={t('mentorDesk.history.openConsultationOf', { topic, date })}>
          {t('mentorDesk.history.openConsultation')}
        </Anchor>
      </Stack>
    </Card>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function History({ h }: { h: EntrepreneurHistory }) {
  const { t } = useT();
  return (
    <Stack gap="lg">
      <Profile p={h.profile} />
      <Section id="history-cases" title={t('mentorDesk.history.openCases')}>
        {h.openCases.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('mentorDesk.history.emptyCases')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {h.openCases.map((c: AssistanceCase) => (
              <CaseSummary key={c.id} c={c} />
            ))}
          </SimpleGrid>
        )}
      </Section>
      {h.upcoming.length > 0 && (
        <Section id="history-upcoming" title={t('mentorDesk.history.upcoming')}>
          {h.upcoming.map((c) => (
            <ConsultationEntry key={c.id} c={c} />
          ))}
        </Section>
      )}
      <Section id="history-past" title={t('mentorDesk.history.past')}>
        {h.past.length === 0 ? <Empty title={t('mentorDesk.history.emptyPast')} /> : h.past.map((c) => <ConsultationEntry key={c.id} c={c} />)}
      </Section>
    </Stack>
  );
}

function EntrepreneurHistoryScreen() {
  const { t } = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const history = useHistory(id);
  const errors = { FORBIDDEN: t('mentorDesk.history.errors.FORBIDDEN'), NOT_FOUND: t('mentorDesk.history.errors.NOT_FOUND') };
  return (
    <Stack gap="md" data-testid="entrepreneur-history">
      <Anchor component="button" type="button" size="sm" onClick={() => void navigate(-1)} style={{ alignSelf: 'flex-start' }}>
        ← {t('mentorDesk.history.back')}
      </Anchor>
      {history.isPending ? (
        <Loading label={t('mentorDesk.history.loading')} />
      ) : history.error || !history.data ? (
        <ErrorState error={history.error} messages={errors} onRetry={() => void history.refetch()} />
      ) : (
        <>
          <Stack gap={2}>
            <Title order={1} size="h2">
              {history.data.profile.name}
            </Title>
            {history.data.profile.businessName && (
              <Group gap="xs">
                <Text c="dimmed">{history.data.profile.businessName}</Text>
                {history.data.profile.businessType && (
                  <Badge variant="light" c="dark.8">
                    {t(`common.businessTypes.${history.data.profile.businessType}`)}
                  </Badge>
                )}
              </Group>
            )}
          </Stack>
          <History h={history.data} />
        </>
      )}
    </Stack>
  );
}

/** An entrepreneur's profile and history, for their mentors and the program's admins (the api checks who). */
export function EntrepreneurPage() {
  return (
    <RequireRole roles={['mentor', 'admin']}>
      <EntrepreneurHistoryScreen />
    </RequireRole>
  );
}
