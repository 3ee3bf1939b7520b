import { Anchor, Badge, Button, Card, Group, Rating, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { Schemas } from '@/api/client';
import { useZone } from '@/lib/auth';
import { formatDate, formatDateTime, formatTimeRange } from '@/lib/datetime';
import { useT } from '@/i18n';
import { StaffPage } from '@/ui/staff-page';
import { Empty, ErrorState, Loading } from '@/ui/states';
import { useWorkshop } from '../workshop-queries';
import { PollBars } from './poll-bars';
import { useFeedback, useLiveReport, useSpeakerErrors } from './speaker-queries';

type ReportSession = Schemas['ReportSession'];

/** After the session: what attendees asked and voted, per session, and what they thought of the workshop. */
export function SpeakerReportPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const workshop = useWorkshop(id);
  return (
    <StaffPage area="speaker" title={t('speaker.report.title')}>
      <Stack gap="md">
        <Anchor component={Link} to="/speaker?when=past" size="sm">
          ← {t('speaker.report.back')}
        </Anchor>
        {workshop.data && (
          <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="report-workshop">
            {workshop.data.title}
          </Text>
        )}
        <FeedbackSummary id={id} />
        <LiveReport id={id} />
      </Stack>
    </StaffPage>
  );
}

function FeedbackSummary({ id }: { id: string }) {
  const { t, lang } = useT();
  const zone = useZone();
  const errors = useSpeakerErrors();
  const feedback = useFeedback(id);
  const first = feedback.data?.pages[0];
  const items = feedback.data?.pages.flatMap((p) => p.items) ?? [];
  const number = (n: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(n);
  return (
    <Card withBorder component="section" aria-labelledby="report-feedback" data-testid="report-feedback">
      <Title order={2} size="h4" id="report-feedback" mb="sm">
        {t('speaker.report.feedback')}
      </Title>
      {feedback.isPending ? (
        <Loading />
      ) : feedback.error || !first ? (
        <ErrorState error={feedback.error} messages={errors} onRetry={() => void feedback.refetch()} />
      ) : first.count === 0 ? (
        <Empty title={t('speaker.report.noFeedback')}>{t('speaker.report.noFeedbackHint')}</Empty>
      ) : (
        <Stack gap="md">
          <Group gap="lg" align="center">
            <div>
              <Text fz={36} fw={700} lh={1} data-testid="average-rating" aria-label={t('speaker.report.average', { rating: number(first.averageRating ?? 0) })}>
                {number(first.averageRating ?? 0)}
              </Text>
              <Text size="xs" c="dimmed" aria-hidden>
                / 5
              </Text>
            </div>
            <Stack gap={2}>
              <Rating value={first.averageRating ?? 0} fractions={10} readOnly aria-hidden color="orange.7" />
              <Text size="sm" data-testid="feedback-count">
                {t('speaker.report.count', { count: first.count })}
              </Text>
            </Stack>
          </Group>
          <div>
            <Title order={3} size="h5" mb="xs">
              {t('speaker.report.comments')}
            </Title>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="feedback-comments">
              {items.map((f) => (
                <li key={f.userId} data-testid="feedback-item">
                  <Group gap={6} wrap="wrap">
                    <Badge size="sm" color="orange" variant="light" c="dark.8">
                      {t('speaker.report.rating', { rating: f.rating })}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {f.name} · {formatDateTime(f.createdAt, lang, zone)}
                    </Text>
                  </Group>
                  <Text size="sm" mt={2} c={f.comment ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
                    {f.comment || t('speaker.report.noComment')}
                  </Text>
                </li>
              ))}
            </Stack>
            {feedback.hasNextPage && (
              <Button mt="sm" variant="outline" color="teal.9" onClick={() => void feedback.fetchNextPage()} loading={feedback.isFetchingNextPage}>
                {t('speaker.report.more')}
              </Button>
            )}
          </div>
        </Stack>
      )}
    </Card>
  );
}

function LiveReport({ id }: { id: string }) {
  const errors = useSpeakerErrors();
  const report = useLiveReport(id);
  if (report.isPending) return <Loading />;
  if (report.error || !report.data) return <ErrorState error={report.error} messages={errors} onRetry={() => void report.refetch()} />;
  const sessions = report.data.sessions;
  return (
    <Stack gap="md">
      {sessions.map((s, i) => (
        <SessionReport key={s.sessionId} session={s} n={sessions.length > 1 ? i + 1 : null} />
      ))}
    </Stack>
  );
}

function SessionReport({ session: s, n }: { session: ReportSession; n: number | null }) {
  const { t, lang } = useT();
  const zone = useZone();
  const headingId = `report-${s.sessionId}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid="report-session">
      <Title order={2} size="h4" id={headingId}>
        {n !== null && `${t('speaker.sessions.session', { n })} · `}
        {formatDate(s.start, lang, zone)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {formatTimeRange(s.start, s.end, lang, zone)}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <div>
          <Title order={3} size="h5" mb="xs">
            {t('speaker.report.questions')}
          </Title>
          {s.questions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('speaker.report.noQuestions')}
            </Text>
          ) : (
            <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="report-questions">
              {s.questions.map((q) => (
                <li key={q.id} data-testid="report-question">
                  <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
                    {q.body}
                  </Text>
                  <Group gap={6}>
                    <Text size="xs" c="dimmed">
                      {t('speaker.stage.by', { name: q.authorName })} · {t('speaker.stage.votes', { count: q.votes })}
                    </Text>
                    {q.answered && (
                      <Badge size="xs" color="teal.9" variant="outline">
                        {t('speaker.stage.answered')}
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
            {t('speaker.report.polls')}
          </Title>
          {s.polls.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('speaker.report.noPolls')}
            </Text>
          ) : (
            <Stack gap="md" data-testid="report-polls">
              {s.polls.map((p) => (
                <div key={p.id} data-testid="report-poll">
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {p.question}
                  </Text>
                  <Text size="xs" c="dimmed" mb={4}>
                    {t('speaker.report.voters', { count: p.voters })}
                    {!p.closedAt && ` · ${t('speaker.report.stillOpen')}`}
                  </Text>
                  <PollBars question={p.question} options={p.options} counts={p.counts} />
                </div>
              ))}
            </Stack>
          )}
        </div>
      </SimpleGrid>
    </Card>
  );
}
