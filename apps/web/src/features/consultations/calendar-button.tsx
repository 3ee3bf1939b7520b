import { useState } from 'react';
import { Anchor, Button, CopyButton, Divider, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconCalendarPlus, IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '@/i18n';
import { downloadFile } from '@/lib/download';
import { ErrorState, QueryState } from '@/ui/states';
import { useCalendarFeed, useMakeCalendarFeed } from '@/features/notifications/calendar-feed-queries';

/**
 * "Add to calendar", as booking tools offer it: this consultation as an .ics file (one entry, the same one
 * the emailed invite makes), or the person's calendar subscription (all their consultations and workshop
 * sessions, kept up to date by their calendar app).
 */
export function CalendarButton({ consultationId }: { consultationId: string }) {
  const { t } = useT();
  const [opened, setOpened] = useState(false);
  const feed = useCalendarFeed(opened);
  const create = useMakeCalendarFeed();
  const download = useMutation({ mutationFn: () => downloadFile(`/api/consultations/${consultationId}/calendar.ics`, 'text/calendar', `konsultasi-${consultationId}.ics`) });
  return (
    <>
      <Button variant="default" leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={() => setOpened(true)} data-testid="add-to-calendar">
        {t('consultations.calendar.add')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('consultations.calendar.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="sm">
          <Text size="sm">{t('consultations.calendar.oneLead')}</Text>
          {download.error && <ErrorState error={download.error} />}
          <Button variant="outline" onClick={() => download.mutate()} loading={download.isPending} leftSection={<IconDownload size={18} aria-hidden />} data-testid="calendar-download">
            {t('consultations.calendar.download')}
          </Button>
          <Divider label={t('consultations.calendar.or')} labelPosition="center" />
          <Text size="sm">{t('consultations.calendar.lead')}</Text>
          <QueryState query={feed}>
            {(address) =>
              address ? (
                <Stack gap="sm">
                  <Button component="a" href={address.webcal} leftSection={<IconCalendarPlus size={18} aria-hidden />} data-testid="calendar-subscribe">
                    {t('consultations.calendar.subscribe')}
                  </Button>
                  <TextInput label={t('consultations.calendar.address')} description={t('consultations.calendar.addressHint')} value={address.url} readOnly onFocus={(e) => e.currentTarget.select()} />
                  <CopyButton value={address.url}>
                    {({ copied, copy }) => (
                      <Button variant="outline" onClick={copy} aria-live="polite">
                        {copied ? t('consultations.calendar.copied') : t('consultations.calendar.copy')}
                      </Button>
                    )}
                  </CopyButton>
                  <Text size="xs" c="dimmed">
                    {t('consultations.calendar.secret')}{' '}
                    <Anchor component={Link} to="/notifications/settings" size="xs">
                      {t('consultations.calendar.manage')}
                    </Anchor>
                  </Text>
                </Stack>
              ) : (
                <Stack gap="sm">
                  {create.error && <ErrorState error={create.error} />}
                  <Button onClick={() => create.mutate()} loading={create.isPending} leftSection={<IconCalendarPlus size={18} aria-hidden />} data-testid="calendar-create">
                    {t('consultations.calendar.create')}
                  </Button>
                </Stack>
              )
            }
          </QueryState>
        </Stack>
      </Modal>
    </>
  );
}
