import { useState, type FormEvent } from 'react';
import { Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api, errorCode, idempotencyKey, unwrap } from '@/api/client';
import { useT } from '@/i18n';
import { ErrorState } from '@/ui/states';
import { useWorkshopErrors } from './workshop-queries';
import { Notice } from './notice';

const RATINGS = ['1', '2', '3', '4', '5'] as const;

/** A rating (1–5) and an optional comment, once per attendee. */
export function FeedbackForm({ workshopId }: { workshopId: string }) {
  const { t } = useT();
  const errors = useWorkshopErrors();
  const [rating, setRating] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/workshops/{id}/feedback', {
          params: { path: { id: workshopId } },
          body: { rating: Number(rating), ...(comment.trim() && { comment: comment.trim() }) },
          headers: { 'Idempotency-Key': idempotencyKey() },
        }),
      ),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!rating);
    if (rating) send.mutate();
  };
  const done = send.isSuccess || errorCode(send.error) === 'FEEDBACK_EXISTS';
  return (
    <Card withBorder component="section" aria-labelledby="feedback-title" data-testid="feedback">
      <Title order={2} size="h4" mb={4} id="feedback-title">
        {t('workshops.feedback.title')}
      </Title>
      {done ? (
        <Notice color="teal" role="status" data-testid="feedback-done">
          {send.isSuccess ? t('workshops.feedback.thanks') : errors.FEEDBACK_EXISTS}
        </Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('workshops.feedback.intro')}
            </Text>
            <Radio.Group label={t('workshops.feedback.rating')} value={rating} onChange={setRating} required error={missing ? t('workshops.feedback.chooseRating') : undefined}>
              <Group gap="sm" mt={6}>
                {RATINGS.map((r) => (
                  <Radio key={r} value={r} label={t(`workshops.feedback.ratings.${r}`)} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea label={t('workshops.feedback.comment')} description={t('workshops.feedback.commentHint')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={2000} autosize minRows={3} />
            {send.error && <ErrorState error={send.error} messages={errors} />}
            <Button type="submit" loading={send.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('workshops.feedback.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Card>
  );
}
