import { useState } from 'react';
import { Alert, Anchor, Button, Group, Modal, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import type { Workshop } from '@/api/types';
import { useT } from '@/i18n';
import { RequireRole } from '@/ui/require-role';
import { STAFF_AREAS } from '@/ui/staff-areas';
import { StaffPage } from '@/ui/staff-page';
import { ErrorState, Loading } from '@/ui/states';
import { useWorkshop } from '../workshop-queries';
import { useCancelWorkshop, usePublishWorkshop } from './admin-queries';
import { AttendanceTab } from './attendance-tab';
import { CertificatesTab } from './certificates-tab';
import { FeedbackTab } from './feedback-tab';
import { LiveReportTab } from './live-report-tab';
import { OverviewTab } from './overview-tab';
import { RegistrationsTab } from './registrations-tab';
import { WorkshopStatusBadge } from './status-badge';
import { useAdminErrors } from './use-admin-errors';

const TABS = ['overview', 'registrations', 'attendance', 'feedback', 'certificates', 'live'] as const;
type Tab = (typeof TABS)[number];
const LABEL: Record<Tab, string> = { overview: 'overview', registrations: 'registrations', attendance: 'attendance', feedback: 'feedback', certificates: 'certificates', live: 'liveReport' };

/** /admin/workshops/:id/:tab?: one workshop for the Dinas, its actions, and a tab per part (in the URL). */
export function AdminWorkshopPage() {
  // The role check first: the workshop is read (and a draft asked for) only by an admin.
  return (
    <RequireRole roles={STAFF_AREAS.admin.roles}>
      <Workshop />
    </RequireRole>
  );
}

function Workshop() {
  const { id = '', tab } = useParams();
  const { t } = useT();
  const navigate = useNavigate();
  const errors = useAdminErrors();
  const workshop = useWorkshop(id);
  const current: Tab = TABS.includes(tab as Tab) ? (tab as Tab) : 'overview';
  const w = workshop.data;
  return (
    <StaffPage area="admin" title={w?.title ?? t('adminWorkshops.list.title')} actions={w && <Actions workshop={w} />}>
      <Anchor component={Link} to="/admin/workshops" size="sm">
        ← {t('adminWorkshops.detail.back')}
      </Anchor>
      {workshop.isPending ? (
        <Loading />
      ) : workshop.error || !w ? (
        <ErrorState error={workshop.error} messages={errors} onRetry={() => void workshop.refetch()} />
      ) : (
        <Tabs value={current} onChange={(v) => navigate(`/admin/workshops/${id}${v && v !== 'overview' ? `/${v}` : ''}`, { replace: true })} keepMounted={false}>
          <Tabs.List aria-label={t('adminWorkshops.detail.tabs')} mb="md">
            {TABS.map((key) => (
              <Tabs.Tab key={key} value={key}>
                {t(`adminWorkshops.detail.${LABEL[key]}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="overview">
            <OverviewTab workshop={w} />
          </Tabs.Panel>
          <Tabs.Panel value="registrations">
            <RegistrationsTab workshopId={id} />
          </Tabs.Panel>
          <Tabs.Panel value="attendance">
            <AttendanceTab workshop={w} />
          </Tabs.Panel>
          <Tabs.Panel value="feedback">
            <FeedbackTab workshopId={id} />
          </Tabs.Panel>
          <Tabs.Panel value="certificates">
            <CertificatesTab workshopId={id} />
          </Tabs.Panel>
          <Tabs.Panel value="live">
            <LiveReportTab workshopId={id} />
          </Tabs.Panel>
        </Tabs>
      )}
    </StaffPage>
  );
}

/** Status, edit, publish (a draft) and cancel with a reason (a draft or an upcoming published one). */
function Actions({ workshop: w }: { workshop: Workshop }) {
  const { t } = useT();
  const errors = useAdminErrors();
  const publish = usePublishWorkshop(w.id);
  const [cancelling, setCancelling] = useState(false);
  const open = w.status === 'draft' || w.status === 'published';
  return (
    <Stack gap="xs" align="flex-end" style={{ flexGrow: 1 }}>
      <Group gap="xs" justify="flex-end">
        <WorkshopStatusBadge status={w.status} />
        {w.status === 'published' && (
          <Anchor component={Link} to={`/workshops/${w.id}`} size="sm">
            {t('adminWorkshops.detail.publicPage')}
          </Anchor>
        )}
      </Group>
      {open && (
        <Group gap="xs" justify="flex-end">
          <Button variant="default" component={Link} to={`/admin/workshops/${w.id}/edit`}>
            {t('adminWorkshops.detail.edit')}
          </Button>
          {w.status === 'draft' && (
            <Button onClick={() => publish.mutate()} loading={publish.isPending}>
              {t('adminWorkshops.detail.publish')}
            </Button>
          )}
          <Button variant="outline" color="red.9" onClick={() => setCancelling(true)}>
            {t('adminWorkshops.detail.cancel')}
          </Button>
        </Group>
      )}
      {publish.isSuccess && (
        <Alert color="teal" py="xs" role="status" data-testid="published">
          {t('adminWorkshops.detail.published')}
        </Alert>
      )}
      {publish.error && <ErrorState error={publish.error} messages={errors} />}
      <CancelModal workshop={w} opened={cancelling} onClose={() => setCancelling(false)} />
    </Stack>
  );
}

function CancelModal({ workshop: w, opened, onClose }: { workshop: Workshop; opened: boolean; onClose: () => void }) {
  const { t } = useT();
  const errors = useAdminErrors();
  const cancel = useCancelWorkshop(w.id);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const short = reason.trim().length < 3;
  const close = () => {
    cancel.reset();
    setTried(false);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('adminWorkshops.cancel.title')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!short) cancel.mutate(reason.trim(), { onSuccess: close });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('adminWorkshops.cancel.text')}</Text>
          <Textarea
            label={t('adminWorkshops.cancel.reason')}
            description={t('adminWorkshops.cancel.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={tried && short ? t('adminWorkshops.cancel.reasonShort') : undefined}
            maxLength={500}
            autosize
            minRows={3}
            required
            data-autofocus
          />
          {cancel.error && <ErrorState error={cancel.error} messages={errors} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('adminWorkshops.cancel.keep')}
            </Button>
            <Button type="submit" color="red.9" loading={cancel.isPending}>
              {t('adminWorkshops.cancel.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
