import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button, Card, Group, Stack, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { IconClock, IconSend } from '@tabler/icons-react';
import { useZone } from '@/lib/auth';
import { formatTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { ErrorState, Loading } from '@/ui/states';
import { useChat } from './use-chat';
import classes from './chat-panel.module.css';

interface ChatPanelProps {
  consultationId: string;
  userId: string;
  otherName: string;
  /** Participants write; an admin only reads. */
  canWrite: boolean;
}

export function ChatPanel({ consultationId, userId, otherName, canWrite }: ChatPanelProps) {
  const { t, lang } = useT();
  const zone = useZone();
  const chat = useChat(consultationId, userId, canWrite);
  const [draft, setDraft] = useState('');
  const logRef = useRef<HTMLDivElement>(null);
  const items = chat.items;
  const lastKey = `${items[items.length - 1]?.id ?? ''}|${chat.pending.length}`;

  // New messages at the end scroll into view; older ones loaded at the top keep the reader's place.
  const height = useRef(0);
  useLayoutEffect(() => {
    const el = logRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lastKey]);
  useLayoutEffect(() => {
    const el = logRef.current;
    if (el && height.current && !chat.older.isPending) el.scrollTop += el.scrollHeight - height.current;
  }, [chat.older.isPending]);
  useEffect(() => {
    if (chat.older.isPending && logRef.current) height.current = logRef.current.scrollHeight;
  }, [chat.older.isPending]);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const body = draft.trim();
    if (!body) return;
    chat.send(body);
    setDraft('');
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  // "Read" goes under my newest stored message once the other person's read mark reaches it.
  const readAt = chat.readMark ? items.findIndex((m) => m.id === chat.readMark) : -1;
  let myLast = -1;
  items.forEach((m, i) => m.senderId === userId && (myLast = i));
  const readShownAt = myLast >= 0 && readAt >= myLast ? myLast : -1;
  const waitLabel = chat.live && chat.joined ? t('consultations.chat.sending') : t('consultations.chat.pending');

  return (
    <Card withBorder component="section" aria-labelledby="chat-title" data-testid="chat">
      <Stack gap="sm">
        <Title order={2} size="h4" id="chat-title">
          {t('consultations.chat.title')}
        </Title>
        {chat.log.isPending ? (
          <Loading label={t('consultations.chat.loading')} />
        ) : chat.log.error || chat.fatal ? (
          <ErrorState error={chat.log.error} onRetry={() => void chat.log.refetch()} />
        ) : (
          <>
            {chat.log.data?.olderCursor && (
              <Button variant="subtle" size="xs" onClick={() => chat.older.mutate()} loading={chat.older.isPending} data-testid="chat-older">
                {t('consultations.chat.older')}
              </Button>
            )}
            <Stack gap={4}>
              <div ref={logRef} className={classes.log} role="log" aria-label={t('consultations.chat.log', { name: otherName })} tabIndex={0} data-testid="chat-log">
                {items.length === 0 && chat.pending.length === 0 && (
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    {t('consultations.chat.empty', { name: otherName })}
                  </Text>
                )}
                {items.map((m, i) => {
                  const mine = m.senderId === userId;
                  return (
                    <div key={m.id} className={`${classes.row} ${mine ? classes.mine : ''}`} data-testid="chat-message" data-id={m.id} data-mine={mine}>
                      <div className={classes.bubble}>
                        <VisuallyHidden>{mine ? t('consultations.chat.you') : otherName}: </VisuallyHidden>
                        {m.body}
                      </div>
                      <span className={classes.meta}>
                        {formatTime(m.createdAt, lang, zone)}
                        {i === readShownAt && (
                          <span data-testid="chat-read">
                            {' · '}
                            {t('consultations.chat.read')}
                          </span>
                        )}
                      </span>
                    </div>
                  );
                })}
                {chat.pending.map((p) => (
                  <div key={p.clientMessageId} className={`${classes.row} ${classes.mine} ${classes.pending}`} data-testid="chat-pending">
                    <div className={classes.bubble}>
                      <VisuallyHidden>{t('consultations.chat.you')}: </VisuallyHidden>
                      {p.body}
                    </div>
                    <span className={classes.meta}>
                      {p.failed ? (
                        <>
                          {t('consultations.chat.failed')}{' '}
                          <Button variant="subtle" size="compact-xs" color="red" onClick={() => chat.discard(p.clientMessageId)}>
                            {t('consultations.chat.discard')}
                          </Button>
                        </>
                      ) : (
                        <>
                          <IconClock size={11} aria-hidden style={{ verticalAlign: '-1px' }} /> {waitLabel}
                        </>
                      )}
                    </span>
                  </div>
                ))}
              </div>
              <Text size="sm" c="dimmed" aria-live="polite" mih={20} data-testid="chat-typing">
                {chat.otherTyping ? t('consultations.chat.typing', { name: otherName }) : ''}
              </Text>
            </Stack>
          </>
        )}
        {canWrite ? (
          <form onSubmit={submit}>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <Textarea
                label={t('consultations.chat.message')}
                placeholder={t('consultations.chat.placeholder')}
                value={draft}
                onChange={(e) => {
                  setDraft(e.currentTarget.value);
                  chat.typing();
                }}
                onKeyDown={onKey}
                autosize
                minRows={1}
                maxRows={5}
                maxLength={2000}
                style={{ flex: 1, minWidth: 0 }}
                data-testid="chat-input"
              />
              <Button type="submit" aria-label={t('consultations.chat.send')} disabled={!draft.trim()} px="sm" data-testid="chat-send">
                <IconSend size={18} aria-hidden />
              </Button>
            </Group>
          </form>
        ) : (
          <Text size="sm" c="dimmed">
            {t('consultations.chat.readOnly')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
