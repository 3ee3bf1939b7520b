import { useState, type ReactNode } from 'react';
import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { ApiError } from '@/api/client';
import type { Consultation, Outcome } from '@/api/types';
import { useZone } from '@/lib/auth';
import { formatDate } from '@/lib/datetime';
import { useT } from '@/i18n';
import { QueryState } from '@/ui/states';
import { OutcomeFields } from './desk/outcome-form';
import { useOutcome } from './queries';

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

function OutcomeBody({ o }: { o: Outcome }) {
  const { t, lang } = useT();
  const zone = useZone();
  return (
    <Stack gap="sm">
      <Field label={t('consultations.outcome.summary')}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{o.summary}</span>
      </Field>
      {o.actions.length > 0 && (
        <div>
          <Text size="xs" c="dimmed" fw={600}>
            {t('consultations.outcome.actions')}
          </Text>
          <List size="sm" spacing={2} data-testid="outcome-actions">
            {o.actions.map((a, i) => (
              <List.Item key={i}>{a}</List.Item>
            ))}
          </List>
        </div>
      )}
      {o.followUpOn && (
        <Text size="sm">
          {/* A date in the mentor's zone: noon keeps it the same day in every Indonesian zone. */}
          {t('consultations.outcome.followUp', { date: formatDate(`${o.followUpOn}T05:00:00Z`, lang, zone) })}
          {o.followUpDoneAt && ` · ${t('consultations.outcome.followUpDone')}`}
        </Text>
      )}
      {o.case && (
        <Card withBorder padding="sm" data-testid="outcome-case">
          <Stack gap={6}>
            <Title order={3} size="h5">
              {t('consultations.outcome.case')}
            </Title>
            <Field label={t('consultations.outcome.caseType')}>{t(`consultations.outcome.caseTypes.${o.case.type}`)}</Field>
            {o.case.lender && <Field label={t('consultations.outcome.lender')}>{o.case.lender}</Field>}
            {o.case.permit && <Field label={t('consultations.outcome.permit')}>{o.case.permit}</Field>}
            {o.case.referenceNumber && <Field label={t('consultations.outcome.reference')}>{o.case.referenceNumber}</Field>}
            <div>
              <Text size="xs" c="dimmed" fw={600}>
                {t('consultations.outcome.caseStatus')}
              </Text>
              <Badge variant="light" c="dark.8">{t(`consultations.outcome.caseStatuses.${o.case.status}`)}</Badge>
            </div>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

/** What the mentor wrote afterwards: summary, next steps, follow-up date and any case opened; its mentor may correct it. */
export function OutcomeSection({ consultationId, editable }: { consultationId: string; editable?: Consultation }) {
  const { t } = useT();
  const outcome = useOutcome(consultationId, true);
  const [editing, setEditing] = useState(false);
  const none = outcome.error instanceof ApiError && outcome.error.status === 404;
  return (
    <Card withBorder component="section" aria-labelledby="outcome-title" data-testid="outcome">
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <Title order={2} size="h4" id="outcome-title">
          {t(editing ? 'mentorDesk.outcomeForm.editTitle' : 'consultations.outcome.title')}
        </Title>
        {editable && outcome.data && !editing && (
          <Button variant="subtle" size="compact-sm" onClick={() => setEditing(true)}>
            {t('mentorDesk.outcomeForm.edit')}
          </Button>
        )}
      </Group>
      {none ? (
        <Text size="sm" c="dimmed">
          {t('consultations.outcome.none')}
        </Text>
      ) : editing && editable && outcome.data ? (
        <OutcomeFields c={editable} existing={outcome.data} onDone={() => setEditing(false)} />
      ) : (
        <QueryState query={outcome}>{(o) => <OutcomeBody o={o} />}</QueryState>
      )}
    </Card>
  );
}
