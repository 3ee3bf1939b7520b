import { useState, type FormEvent } from 'react';
import { ActionIcon, Autocomplete, Button, Card, Checkbox, Group, Modal, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { CaseType, Consultation, Outcome, OutcomeInput } from '@/api/types';
import { useZone } from '@/lib/auth';
import { localDateKey } from '@/lib/datetime';
import { useT } from '@/i18n';
import { ErrorState } from '@/ui/states';
import { useNoShow, useRecordOutcome, useUpdateOutcome } from './queries';

const CASE_TYPES: CaseType[] = ['permodalan', 'perizinan', 'sertifikasi_halal'];
const LENDERS = ['Bank DKI', 'Koperasi PKK', 'BPR Jakarta', 'KUR Bank BRI', 'PNM Mekaar'];
const err = { c: 'red.9' } as const;

interface Draft {
  summary: string;
  actions: string[];
  followUpOn: string;
  withCase: boolean;
  caseType: CaseType;
  lender: string;
  permit: '' | 'NIB' | 'PIRT';
  referenceNumber: string;
}

function problems(d: Draft) {
  return {
    summary: !d.summary.trim(),
    lender: d.withCase && d.caseType === 'permodalan' && !d.lender.trim(),
    permit: d.withCase && d.caseType === 'perizinan' && !d.permit,
  };
}

function toBody(d: Draft): OutcomeInput {
  const body: OutcomeInput = { summary: d.summary.trim(), actions: d.actions.map((a) => a.trim()).filter(Boolean), ...(d.followUpOn && { followUpOn: d.followUpOn }) };
  if (!d.withCase) return body;
  return {
    ...body,
    caseType: d.caseType,
    ...(d.caseType === 'permodalan' && { lender: d.lender.trim() }),
    ...(d.caseType === 'perizinan' && d.permit && { permit: d.permit }),
    ...(d.referenceNumber.trim() && { referenceNumber: d.referenceNumber.trim() }),
  };
}

function FormError({ error }: { error: unknown }) {
  const { t } = useT();
  return <ErrorState error={error} messages={{ OUTCOME_EXISTS: t('mentorDesk.outcomeForm.errors.OUTCOME_EXISTS'), NOT_STARTED: t('mentorDesk.outcomeForm.errors.NOT_STARTED'), NOT_BOOKED: t('mentorDesk.outcomeForm.errors.NOT_BOOKED') }} />;
}

// Empty steps are left out when the form is sent, so a step added by mistake needs no removal.
function ActionsField({ actions, onChange }: { actions: string[]; onChange: (a: string[]) => void }) {
  const { t } = useT();
  return (
    <Stack gap={6} role="group" aria-labelledby="outcome-actions-label">
      <Text size="sm" fw={600} id="outcome-actions-label">
        {t('mentorDesk.outcomeForm.actions')}
      </Text>
      {actions.map((a, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            aria-label={t('mentorDesk.outcomeForm.action', { n: i + 1 })}
            placeholder={t('mentorDesk.outcomeForm.action', { n: i + 1 })}
            value={a}
            maxLength={500}
            onChange={(e) => onChange(actions.map((x, j) => (j === i ? e.currentTarget.value : x)))}
          />
          {actions.length > 1 && (
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('mentorDesk.outcomeForm.removeAction', { n: i + 1 })} onClick={() => onChange(actions.filter((_, j) => j !== i))}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      ))}
      {actions.length < 20 && (
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange([...actions, ''])} style={{ alignSelf: 'flex-start' }}>
          {t('mentorDesk.outcomeForm.addAction')}
        </Button>
      )}
    </Stack>
  );
}

function CaseFields({ d, set, touched }: { d: Draft; set: (p: Partial<Draft>) => void; touched: boolean }) {
  const { t } = useT();
  const p = problems(d);
  return (
    <Card withBorder padding="sm" data-testid="case-fields">
      <Stack gap="sm">
        <Radio.Group label={t('mentorDesk.outcomeForm.caseType')} value={d.caseType} onChange={(v) => set({ caseType: v as CaseType })}>
          <Stack gap={6} mt={4}>
            {CASE_TYPES.map((type) => (
              <Radio key={type} value={type} label={t(`consultations.outcome.caseTypes.${type}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {d.caseType === 'permodalan' && (
          <Autocomplete
            label={t('mentorDesk.outcomeForm.lender')}
            description={t('mentorDesk.outcomeForm.lenderHint')}
            data={LENDERS}
            value={d.lender}
            maxLength={120}
            onChange={(lender) => set({ lender })}
            required
            error={touched && p.lender ? t('mentorDesk.outcomeForm.lenderRequired') : undefined}
            errorProps={err}
          />
        )}
        {d.caseType === 'perizinan' && (
          <Radio.Group label={t('mentorDesk.outcomeForm.permit')} value={d.permit} onChange={(v) => set({ permit: v as Draft['permit'] })} required error={touched && p.permit ? t('mentorDesk.outcomeForm.permitRequired') : undefined} errorProps={err}>
            <Group gap="md" mt={4}>
              <Radio value="NIB" label="NIB" />
              <Radio value="PIRT" label="PIRT" />
            </Group>
          </Radio.Group>
        )}
        <TextInput label={t('mentorDesk.outcomeForm.reference')} value={d.referenceNumber} maxLength={80} onChange={(e) => set({ referenceNumber: e.currentTarget.value })} />
      </Stack>
    </Card>
  );
}

/** The mentor's record of a consultation: new (with an optional case), or a correction of summary, steps and date. */
export function OutcomeFields({ c, existing, onDone }: { c: Consultation; existing?: Outcome; onDone?: () => void }) {
  const { t } = useT();
  const zone = useZone();
  const [d, setDraft] = useState<Draft>(() => ({
    summary: existing?.summary ?? '',
    actions: existing?.actions.length ? existing.actions : [''],
    followUpOn: existing?.followUpOn ?? '',
    withCase: false,
    caseType: 'permodalan',
    lender: '',
    permit: '',
    referenceNumber: '',
  }));
  const [touched, setTouched] = useState(false);
  const record = useRecordOutcome(c);
  const update = useUpdateOutcome(c);
  const mutation = existing ? update : record;
  const set = (patch: Partial<Draft>) => setDraft((old) => ({ ...old, ...patch }));
  const p = problems(d);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (p.summary || p.lender || p.permit) return;
    const body = toBody(d);
    if (existing) update.mutate({ summary: body.summary, actions: body.actions, ...(body.followUpOn && { followUpOn: body.followUpOn }) }, { onSuccess: onDone });
    else record.mutate(body, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="outcome-form">
      <Stack gap="sm" maw={720}>
        <Textarea
          label={t('mentorDesk.outcomeForm.summary')}
          description={t('mentorDesk.outcomeForm.summaryHint')}
          required
          autosize
          minRows={3}
          maxLength={5000}
          value={d.summary}
          onChange={(e) => set({ summary: e.currentTarget.value })}
          error={touched && p.summary ? t('mentorDesk.outcomeForm.summaryRequired') : undefined}
          errorProps={err}
        />
        <ActionsField actions={d.actions} onChange={(actions) => set({ actions })} />
        <TextInput
          type="date"
          label={t('mentorDesk.outcomeForm.followUp')}
          description={t('mentorDesk.outcomeForm.followUpHint')}
          min={localDateKey(new Date(), zone)}
          value={d.followUpOn}
          onChange={(e) => set({ followUpOn: e.currentTarget.value })}
          style={{ maxWidth: 260 }}
        />
        {!existing && (
          <>
            <Checkbox label={t('mentorDesk.outcomeForm.openCase')} checked={d.withCase} onChange={(e) => set({ withCase: e.currentTarget.checked })} />
            {d.withCase && <CaseFields d={d} set={set} touched={touched} />}
          </>
        )}
        {mutation.error && <FormError error={mutation.error} />}
        <Group gap="xs">
          <Button type="submit" loading={mutation.isPending}>
            {existing ? t('common.save') : t('mentorDesk.outcomeForm.submit')}
          </Button>
          {existing && (
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function NoShow({ c }: { c: Consultation }) {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  const noShow = useNoShow(c);
  return (
    <>
      <Button variant="default" onClick={() => setAsking(true)} style={{ alignSelf: 'flex-start' }}>
        {t('mentorDesk.outcomeForm.noShow')}
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('mentorDesk.outcomeForm.noShowTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <Text size="sm">{t('mentorDesk.outcomeForm.noShowText')}</Text>
          {noShow.error && <FormError error={noShow.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange.9" loading={noShow.isPending} onClick={() => noShow.mutate(undefined, { onSuccess: () => setAsking(false) })}>
              {t('mentorDesk.outcomeForm.noShowConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** On a started consultation, for its mentor: write the outcome, or mark that the entrepreneur did not come. */
export function OutcomeForm({ c }: { c: Consultation }) {
  const { t } = useT();
  return (
    <Card withBorder component="section" aria-labelledby="outcome-form-title" data-testid="outcome-form-card">
      <Stack gap="sm">
        <Title order={2} size="h4" id="outcome-form-title">
          {t('mentorDesk.outcomeForm.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('mentorDesk.outcomeForm.lead', { name: c.entrepreneurName ?? '' })}
        </Text>
        <OutcomeFields c={c} />
        <NoShow c={c} />
      </Stack>
    </Card>
  );
}
