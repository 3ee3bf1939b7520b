import { useState, type ReactNode } from 'react';
import { Button, Divider, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconHandStop, IconMicrophone, IconMicrophoneOff } from '@tabler/icons-react';
import type { Room } from 'livekit-client';
import { useT } from '@/i18n';
import { Empty, ErrorState } from '@/ui/states';
import { useRoomPeople } from './room-people';
import { useModeration, useSpeakerErrors } from './speaker-queries';

type Moderation = ReturnType<typeof useModeration>;

/**
 * Raised hands (from the live room's socket) with the floor to give or take back, and the attendees in
 * the video room (from LiveKit) with their microphone to mute; anyone here can be removed.
 */
export function StageHands({ workshopId, sessionId, hands, room }: { workshopId: string; sessionId: string; hands: { userId: string; name: string }[]; room: Room | null }) {
  const { t } = useT();
  const errors = useSpeakerErrors();
  const moderation = useModeration(workshopId, sessionId);
  const people = useRoomPeople(room);
  // Who I gave the floor, as far as this screen knows; LiveKit's own view wins once the video is connected.
  const [floor, setFloor] = useState<Record<string, boolean>>({});
  const [removing, setRemoving] = useState<{ userId: string; name: string } | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const hasFloor = (userId: string) => people?.find((p) => p.userId === userId)?.mayTalk ?? !!floor[userId];
  const toggleFloor = (userId: string) => {
    const allowed = !hasFloor(userId);
    moderation.floor.mutate({ userId, allowed }, { onSuccess: () => setFloor((f) => ({ ...f, [userId]: allowed })) });
  };
  const error = moderation.floor.error ?? moderation.mute.error ?? moderation.remove.error;

  return (
    <Stack gap="sm">
      {error && <ErrorState error={error} messages={errors} />}
      {removed && (
        <Text size="sm" role="status">
          {t('speaker.stage.removed', { name: removed })}
        </Text>
      )}
      {hands.length === 0 ? (
        <Empty title={t('speaker.stage.noHands')}>{t('speaker.stage.noHandsHint')}</Empty>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="stage-hands">
          {hands.map((h) => (
            <li key={h.userId} data-testid="stage-hand">
              <Person name={h.name} icon={<IconHandStop size={16} aria-hidden />} status={hasFloor(h.userId) ? t('speaker.stage.onFloor') : t('speaker.stage.raised')}>
                <FloorButton moderation={moderation} userId={h.userId} name={h.name} given={hasFloor(h.userId)} onClick={() => toggleFloor(h.userId)} />
                <Button size="compact-sm" variant="subtle" color="red.9" c="red.9" onClick={() => setRemoving(h)} aria-label={`${t('speaker.stage.remove')} ${h.name}`}>
                  {t('speaker.stage.remove')}
                </Button>
              </Person>
            </li>
          ))}
        </Stack>
      )}

      <Divider />
      <Title order={3} size="h5">
        {t('speaker.stage.inRoom')}
      </Title>
      {people === null ? (
        <Text size="sm" c="dimmed">
          {t('speaker.stage.inRoomHint')}
        </Text>
      ) : people.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('speaker.stage.nobodyInRoom')}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="room-people">
          {people.map((p) => {
            const talking = !!p.microphone && !p.microphone.muted;
            return (
              <li key={p.userId}>
                <Person
                  name={p.name}
                  icon={talking ? <IconMicrophone size={16} aria-hidden /> : <IconMicrophoneOff size={16} aria-hidden />}
                  status={talking ? t('speaker.stage.speaking') : p.mayTalk ? t('speaker.stage.muted') : t('speaker.stage.listening')}
                >
                  {talking && (
                    <Button size="compact-sm" variant="light" color="orange.9" loading={moderation.mute.isPending && moderation.mute.variables?.userId === p.userId} onClick={() => moderation.mute.mutate({ userId: p.userId, trackSid: p.microphone!.trackSid })} aria-label={`${t('speaker.stage.mute')} ${p.name}`}>
                      {t('speaker.stage.mute')}
                    </Button>
                  )}
                  {p.mayTalk && <FloorButton moderation={moderation} userId={p.userId} name={p.name} given onClick={() => toggleFloor(p.userId)} />}
                  <Button size="compact-sm" variant="subtle" color="red.9" c="red.9" onClick={() => setRemoving(p)} aria-label={`${t('speaker.stage.remove')} ${p.name}`}>
                    {t('speaker.stage.remove')}
                  </Button>
                </Person>
              </li>
            );
          })}
        </Stack>
      )}

      <Modal opened={!!removing} onClose={() => setRemoving(null)} title={removing ? t('speaker.stage.removeTitle', { name: removing.name }) : ''} centered>
        <Stack>
          <Text size="sm">{removing && t('speaker.stage.removeBody', { name: removing.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('speaker.stage.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={moderation.remove.isPending}
              onClick={() =>
                removing &&
                moderation.remove.mutate(removing.userId, {
                  onSuccess: () => {
                    setRemoved(removing.name);
                    setRemoving(null);
                  },
                })
              }
            >
              {t('speaker.stage.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Person({ name, icon, status, children }: { name: string; icon: ReactNode; status: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <div>
        <Group gap={6} wrap="nowrap">
          {icon}
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" data-testid="person-status">
          {status}
        </Text>
      </div>
      <Group gap="xs">{children}</Group>
    </Stack>
  );
}

function FloorButton({ moderation, userId, name, given, onClick }: { moderation: Moderation; userId: string; name: string; given: boolean; onClick: () => void }) {
  const { t } = useT();
  const label = given ? t('speaker.stage.takeFloor') : t('speaker.stage.giveFloor');
  return (
    <Button size="compact-sm" variant={given ? 'outline' : 'filled'} color="teal.9" loading={moderation.floor.isPending && moderation.floor.variables?.userId === userId} onClick={onClick} aria-label={`${label}: ${name}`}>
      {label}
    </Button>
  );
}
