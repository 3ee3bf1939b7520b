import type { ReactNode } from 'react';
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { AssistanceCase, CaseStatus } from '@/api/types';
import { useZone } from '@/lib/auth';
import { formatDate } from '@/lib/datetime';
import { useT } from '@/i18n';

export const CASE_STATUS_COLORS: Record<CaseStatus, string> = { open: 'blue', submitted: 'yellow', approved: 'teal', rejected: 'red', closed: 'gray' };

/** "Permodalan · Bank DKI", "Perizinan · NIB", "Sertifikasi halal". */
export function useCaseTitle() {
  const { t } = useT();
  return (c: AssistanceCase) => [t(`consultations.outcome.caseTypes.${c.type}`), c.lender ?? c.permit].filter(Boolean).join(' · ');
}

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useT();
  return (
    <Badge color={CASE_STATUS_COLORS[status]} c="dark.8" variant="light" data-testid="case-status">
      {t(`consultations.outcome.caseStatuses.${status}`)}
    </Badge>
  );
}

/** One case in brief: what, its status (left out on the board, whose column says it), the reference number and when it was opened. */
export function CaseSummary({ c, children, withStatus = true }: { c: AssistanceCase; children?: ReactNode; withStatus?: boolean }) {
  const { t, lang } = useT();
  const zone = useZone();
  const title = useCaseTitle();
  return (
    <Card withBorder padding="sm" component="article" data-testid="case" data-id={c.id}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
          <Text fw={700} size="sm">
            {title(c)}
          </Text>
          {withStatus && <CaseStatusBadge status={c.status} />}
        </Group>
        {c.entrepreneurName && <Text size="sm">{c.entrepreneurName}</Text>}
        <Text size="xs" c="dimmed">
          {c.referenceNumber ? `${t('mentorDesk.cases.reference')} ${c.referenceNumber}` : t('mentorDesk.cases.noReference')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('mentorDesk.cases.opened', { date: formatDate(c.createdAt, lang, zone) })}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}
