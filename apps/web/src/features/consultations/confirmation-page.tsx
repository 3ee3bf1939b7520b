import { useEffect, useRef } from 'react';
import { Anchor, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { RequireAuth, useZone } from '@/lib/auth';
import { formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { QueryState } from '@/ui/states';
import { CalendarButton } from './calendar-button';
import { useConsultation } from './queries';

function Confirmation() {
  const { t, lang } = useT();
  const zone = useZone();
  const { id = '' } = useParams();
  const consultation = useConsultation(id);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [consultation.data?.id]);
  return (
    <QueryState query={consultation}>
      {(c) => (
        <Card withBorder maw={560} mx="auto" data-testid="confirmation">
          <Stack>
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon color="teal" size="xl" radius="xl" variant="light" aria-hidden>
                <IconCircleCheck size={28} />
              </ThemeIcon>
              <Title order={1} size="h3" ref={heading} tabIndex={-1}>
                {t('consultations.confirmation.title')}
              </Title>
            </Group>
            <Text size="sm">{t('consultations.confirmation.lead')}</Text>
            <dl style={{ margin: 0 }}>
              {[
                ['mentor', c.mentorName ?? ''],
                ['topic', t(`common.topics.${c.topic}`)],
                ['when', formatDateTime(c.start, lang, zone)],
              ].map(([k, v]) => (
                <div key={k} style={{ marginBottom: 8 }}>
                  <Text component="dt" size="xs" c="dimmed" fw={600}>
                    {t(`consultations.confirmation.${k}`)}
                  </Text>
                  <Text component="dd" m={0} fw={600} data-testid={`confirmation-${k}`}>
                    {v}
                  </Text>
                </div>
              ))}
            </dl>
            <Group>
              <CalendarButton consultationId={c.id} />
              <Button component={Link} to={`/consultations/${c.id}`}>
                {t('consultations.confirmation.open')}
              </Button>
            </Group>
            <Anchor component={Link} to="/consultations" size="sm">
              {t('consultations.confirmation.mine')}
            </Anchor>
          </Stack>
        </Card>
      )}
    </QueryState>
  );
}

export function ConfirmationPage() {
  return (
    <RequireAuth>
      <Confirmation />
    </RequireAuth>
  );
}
