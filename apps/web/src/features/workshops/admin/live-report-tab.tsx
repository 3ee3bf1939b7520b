import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useZone } from '@/lib/auth';
import { formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { Empty, QueryState } from '@/ui/states';
import { useLiveReport } from './admin-queries';

/** What happened in each session's live room: the questions by votes and every poll's result. */
export function LiveReportTab({ workshopId }: { workshopId: string }) {
  const { t, lang } = useT();
  const zone = useZone();
  const report = useLiveReport(workshopId);
  return (
    <QueryState query={report}>
      {({ sessions }) =>
        sessions.length === 0 ? (
          <Empty title={t('adminWorkshops.liveReport.empty')} />
        ) : (
          <Stack gap="md">
            {sessions.map((s, i) => (
              <Card withBorder component="section" key={s.sessionId} aria-labelledby={`report-${s.sessionId}`} data-testid="report-session">
                <Title order={2} size="h4" mb="sm" id={`report-${s.sessionId}`}>
                  {t('adminWorkshops.liveReport.session', { n: i + 1, date: formatDateTime(s.start, lang, zone) })}
                </Title>
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                  <div>
                    <Title order={3} size="h5" mb="xs">
                      {t('adminWorkshops.liveReport.questions')}
                    </Title>
                    {s.questions.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('adminWorkshops.liveReport.noQuestions')}
                      </Text>
                    ) : (
                      <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
                        {s.questions.map((q) => (
                          <li key={q.id} data-testid="report-question">
                            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                              {q.body}
                            </Text>
                            <Group gap={6}>
                              <Text size="xs" c="dimmed">
                                {t('adminWorkshops.liveReport.by', { name: q.authorName })} · {t('adminWorkshops.liveReport.votes', { count: q.votes })}
                              </Text>
                              {q.answered && (
                                <Badge size="xs" variant="light" color="teal" c="teal.9">
                                  {t('adminWorkshops.liveReport.answered')}
                                </Badge>
                              )}
                            </Group>
                          </li>
                        ))}
                      </Stack>
                    )}
                  </div>
                  <div>
                    <Title order={3} size="h5" mb="xs">
                      {t('adminWorkshops.liveReport.polls')}
                    </Title>
                    {s.polls.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('adminWorkshops.liveReport.noPolls')}
                      </Text>
                    ) : (
                      <Stack gap="sm">
                        {s.polls.map((p) => (
                          <div key={p.id} data-testid="report-poll">
                            <Group gap={6} justify="space-between">
                              <Text size="sm" fw={600}>
                                {p.question}
                              </Text>
                              {!p.closedAt && (
                                <Badge size="xs" variant="outline" color="gray.8">
                                  {t('adminWorkshops.liveReport.open')}
                                </Badge>
                              )}
                            </Group>
                            <Text size="xs" c="dimmed" mb={4}>
                              {t('adminWorkshops.liveReport.voters', { count: p.voters })}
                            </Text>
                            {p.options.map((option, k) => {
                              const percent = p.voters ? Math.round((p.counts[k] / p.voters) * 100) : 0;
                              return (
                                <div key={option}>
                                  <Text size="xs">{t('adminWorkshops.liveReport.optionResult', { option, count: p.counts[k], percent })}</Text>
                                  <Progress value={percent} color="teal.8" size="sm" mb={4} aria-hidden />
                                </div>
                              );
                            })}
                          </div>
                        ))}
                      </Stack>
                    )}
                  </div>
                </SimpleGrid>
              </Card>
            ))}
          </Stack>
        )
      }
    </QueryState>
  );
}
