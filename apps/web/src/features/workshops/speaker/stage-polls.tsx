import { useState, type FormEvent } from 'react';
import { ActionIcon, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { LivePoll } from '@/api/types';
import { useT } from '@/i18n';
import { ErrorState } from '@/ui/states';
import { PollBars } from './poll-bars';
import { useLiveReport, useSpeakerErrors, useStageActions } from './speaker-queries';

const MIN = 2;
const MAX = 5;

/** The running poll with its live bars and "close"; a form for the next one; earlier polls of this session. */
export function StagePolls({ workshopId, sessionId, poll }: { workshopId: string; sessionId: string; poll: LivePoll | null }) {
  const { t } = useT();
  const errors = useSpeakerErrors();
  const actions = useStageActions(workshopId, sessionId);
  const running = poll && !poll.closed ? poll : null;
  return (
    <Stack gap="md">
      {poll && (
        <Card withBorder padding="sm" component="section" aria-labelledby="stage-poll" data-testid="stage-poll" data-closed={!!poll.closed}>
          <Group justify="space-between" gap="xs" mb={6}>
            <Badge color={running ? 'teal.9' : 'gray.7'} variant={running ? 'filled' : 'outline'} size="sm">
              {running ? t('speaker.polls.current') : t('speaker.polls.closed')}
            </Badge>
          </Group>
          <Title order={3} size="h5" id="stage-poll" mb="xs" style={{ overflowWrap: 'anywhere' }}>
            {poll.question}
          </Title>
          <PollBars question={poll.question} options={poll.options} counts={poll.counts} live={!!running} />
          {running && (
            <Button mt="sm" variant="outline" color="red.9" loading={actions.closePoll.isPending} onClick={() => actions.closePoll.mutate(running.id)}>
              {t('speaker.polls.close')}
            </Button>
          )}
          {actions.closePoll.error && <ErrorState error={actions.closePoll.error} messages={errors} />}
        </Card>
      )}
      <NewPoll actions={actions} replacing={!!running} />
      <EarlierPolls workshopId={workshopId} sessionId={sessionId} currentId={poll?.id ?? null} />
    </Stack>
  );
}

function NewPoll({ actions, replacing }: { actions: ReturnType<typeof useStageActions>; replacing: boolean }) {
  const { t } = useT();
  const errors = useSpeakerErrors();
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState(['', '']);
  const [tried, setTried] = useState(false);
  const trimmed = options.map((o) => o.trim());
  const questionError = tried && !question.trim() ? t('speaker.polls.errorQuestion') : null;
  const optionError = (i: number) => {
    if (!tried) return null;
    if (!trimmed[i]) return t('speaker.polls.errorOption');
    if (trimmed.findIndex((o) => o.toLowerCase() === trimmed[i].toLowerCase()) !== i) return t('speaker.polls.errorDuplicate');
    return null;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const valid = question.trim() && trimmed.every((o, i) => o && trimmed.findIndex((x) => x.toLowerCase() === o.toLowerCase()) === i);
    if (!valid) return;
    actions.openPoll.mutate(
      { question: question.trim(), options: trimmed },
      {
        onSuccess: () => {
          setQuestion('');
          setOptions(['', '']);
          setTried(false);
        },
      },
    );
  };
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="new-poll">
      <Title order={3} size="h5" id="new-poll" mb="xs">
        {t('speaker.polls.openTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <TextInput label={t('speaker.polls.question')} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} maxLength={500} error={questionError} required />
          <Text size="xs" c="dimmed" id="poll-options-hint">
            {t('speaker.polls.optionsHint')}
          </Text>
          {options.map((o, i) => (
            <Group key={i} gap={6} align="flex-start" wrap="nowrap">
              <TextInput
                style={{ flex: 1, minWidth: 0 }}
                label={t('speaker.polls.option', { n: i + 1 })}
                aria-describedby="poll-options-hint"
                value={o}
                maxLength={200}
                error={optionError(i)}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setOptions((all) => all.map((x, j) => (j === i ? value : x)));
                }}
                required
              />
              {options.length > MIN && (
                <ActionIcon variant="subtle" color="gray.8" size="lg" mt={24} aria-label={t('speaker.polls.removeOption', { n: i + 1 })} onClick={() => setOptions((all) => all.filter((_, j) => j !== i))}>
                  <IconX size={18} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          ))}
          {options.length < MAX && (
            <Button variant="subtle" color="teal.9" c="teal.9" size="compact-sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOptions((all) => [...all, ''])} style={{ alignSelf: 'flex-start' }}>
              {t('speaker.polls.addOption')}
            </Button>
          )}
          {replacing && (
            <Text size="xs" c="dimmed">
              {t('speaker.polls.replaceHint')}
            </Text>
          )}
          {actions.openPoll.error && <ErrorState error={actions.openPoll.error} messages={errors} />}
          <Button type="submit" color="teal.8" loading={actions.openPoll.isPending}>
            {t('speaker.polls.open')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** Closed polls of this session, from the live report (refreshed when one opens or closes). */
function EarlierPolls({ workshopId, sessionId, currentId }: { workshopId: string; sessionId: string; currentId: string | null }) {
  const { t } = useT();
  const report = useLiveReport(workshopId);
  const polls = report.data?.sessions.find((s) => s.sessionId === sessionId)?.polls.filter((p) => p.id !== currentId && p.closedAt) ?? [];
  if (polls.length === 0) return null;
  return (
    <section aria-labelledby="earlier-polls">
      <Title order={3} size="h5" id="earlier-polls" mb="xs">
        {t('speaker.polls.earlier')}
      </Title>
      <Stack gap="md">
        {[...polls].reverse().map((p) => (
          <div key={p.id}>
            <Text size="sm" fw={600} mb={4} style={{ overflowWrap: 'anywhere' }}>
              {p.question}
            </Text>
            <PollBars question={p.question} options={p.options} counts={p.counts} />
          </div>
        ))}
      </Stack>
    </section>
  );
}
