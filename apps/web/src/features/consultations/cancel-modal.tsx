import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { Consultation } from '@/api/types';
import { useMe, useZone } from '@/lib/auth';
import { formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { BookingError } from './booking-errors';
import { otherPerson } from './people';
import { useCancel } from './queries';

/** Cancelling needs a reason (the other person is told it); the slot is free again at once. */
export function CancelModal({ consultation, opened, onClose, onDone }: { consultation: Consultation; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t, lang } = useT();
  const zone = useZone();
  const { me } = useMe();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const cancel = useCancel(consultation.id);
  const close = () => {
    cancel.reset();
    setTouched(false);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!reason.trim()) return;
    cancel.mutate(reason.trim(), {
      onSuccess: () => {
        setReason('');
        close();
        onDone();
      },
    });
  };
  return (
    <Modal opened={opened} onClose={close} title={t('consultations.cancel.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate data-testid="cancel-form">
        <Stack gap="sm">
          <Text size="sm">{t('consultations.cancel.lead', { topic: t(`common.topics.${consultation.topic}`), date: formatDateTime(consultation.start, lang, zone) })}</Text>
          <Textarea
            label={t('consultations.cancel.reason')}
            description={t('consultations.cancel.reasonHint', { name: otherPerson(consultation, me).name })}
            required
            autosize
            minRows={3}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={touched && !reason.trim() ? t('consultations.cancel.required') : undefined}
            errorProps={{ c: 'red.9' }}
            data-autofocus
          />
          {cancel.error && <BookingError error={cancel.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('consultations.cancel.keep')}
            </Button>
            <Button type="submit" color="red" loading={cancel.isPending}>
              {t('consultations.cancel.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
