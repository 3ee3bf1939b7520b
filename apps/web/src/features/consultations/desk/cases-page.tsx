import { useState } from 'react';
import { Alert, Anchor, Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { AssistanceCase, CaseStatus } from '@/api/types';
import { useMe } from '@/lib/auth';
import { useT } from '@/i18n';
import { StaffPage } from '@/ui/staff-page';
import { Empty, ErrorState, QueryState } from '@/ui/states';
import { CaseSummary, useCaseTitle } from './case-summary';
import { useCases, useUpdateCase } from './queries';
import classes from './desk.module.css';

const STATUSES: CaseStatus[] = ['open', 'submitted', 'approved', 'rejected', 'closed'];

function ReferenceModal({ c, onClose }: { c: AssistanceCase | null; onClose: () => void }) {
  const { t } = useT();
  const update = useUpdateCase();
  const [value, setValue] = useState('');
  const [shownFor, setShownFor] = useState<string | null>(null);
  if (c && shownFor !== c.id) {
    setShownFor(c.id);
    setValue(c.referenceNumber ?? '');
    update.reset();
  }
  return (
    <Modal opened={!!c} onClose={onClose} title={t('mentorDesk.cases.editTitle')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (c) update.mutate({ id: c.id, referenceNumber: value }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <TextInput label={t('mentorDesk.cases.referenceLabel')} value={value} onChange={(e) => setValue(e.currentTarget.value)} maxLength={80} data-autofocus />
          {update.error && <ErrorState error={update.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function BoardCase({ c, onEdit, onMoved }: { c: AssistanceCase; onEdit: (c: AssistanceCase) => void; onMoved: (message: string) => void }) {
  const { t } = useT();
  const title = useCaseTitle();
  const update = useUpdateCase();
  const name = c.entrepreneurName ?? '';
  const labels = { type: title(c), name };
  return (
    <CaseSummary c={c} withStatus={false}>
      <NativeSelect
        size="xs"
        label={t('mentorDesk.cases.status')}
        aria-label={t('mentorDesk.cases.statusOf', labels)}
        value={c.status}
        disabled={update.isPending}
        data={STATUSES.map((s) => ({ value: s, label: t(`consultations.outcome.caseStatuses.${s}`) }))}
        onChange={(e) => {
          const status = e.currentTarget.value as CaseStatus;
          update.mutate({ id: c.id, status }, { onSuccess: () => onMoved(t('mentorDesk.cases.moved', { name, status: t(`consultations.outcome.caseStatuses.${status}`) })) });
        }}
      />
      {update.error && <ErrorState error={update.error} />}
      <Group gap="xs" justify="space-between">
        <Anchor component={Link} to={`/entrepreneurs/${c.entrepreneurId}`} size="xs" aria-label={t('mentorDesk.cases.profileOf', { name })}>
          {t('mentorDesk.followUps.profile')}
        </Anchor>
        <Button variant="subtle" size="compact-xs" onClick={() => onEdit(c)} aria-label={t('mentorDesk.cases.editReferenceOf', labels)}>
          {t('mentorDesk.cases.editReference')}
        </Button>
      </Group>
    </CaseSummary>
  );
}

function Board({ cases }: { cases: AssistanceCase[] }) {
  const { t } = useT();
  const [editing, setEditing] = useState<AssistanceCase | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  return (
    <>
      {moved && (
        <Alert color="teal" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setMoved(null)} data-testid="moved">
          {moved}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm" verticalSpacing="lg" data-testid="case-board">
        {STATUSES.map((status) => {
          const column = cases.filter((c) => c.status === status);
          return (
            <Stack gap="xs" component="section" key={status} aria-labelledby={`column-${status}`} data-column={status} className={classes.column}>
              <Group justify="space-between" gap={4}>
                <Title order={2} size="h5" id={`column-${status}`}>
                  {t(`consultations.outcome.caseStatuses.${status}`)}
                </Title>
                <Text size="xs" c="dimmed">
                  {t('mentorDesk.cases.count', { count: column.length })}
                </Text>
              </Group>
              {column.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('mentorDesk.cases.emptyColumn')}
                </Text>
              ) : (
                column.map((c) => <BoardCase key={c.id} c={c} onEdit={setEditing} onMoved={setMoved} />)
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
      <ReferenceModal c={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function Cases() {
  const { t } = useT();
  const { me } = useMe();
  const cases = useCases(me!.id);
  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        {t('mentorDesk.cases.lead')}
      </Text>
      <QueryState query={cases} loading={t('mentorDesk.cases.loading')}>
        {(items) => (items.length === 0 ? <Empty title={t('mentorDesk.cases.empty')}>{t('mentorDesk.cases.emptyHint')}</Empty> : <Board cases={items} />)}
      </QueryState>
    </Stack>
  );
}

/** Kasus: the mentor's cases in one column per status (stacked on a phone); status and reference edited in place. */
export function CasesPage() {
  const { t } = useT();
  return (
    <StaffPage area="mentor" title={t('mentorDesk.cases.title')}>
      <Cases />
    </StaffPage>
  );
}
