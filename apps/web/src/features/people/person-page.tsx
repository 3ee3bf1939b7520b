import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconHistory } from '@tabler/icons-react';
import { Link, useLocation, useParams } from 'react-router';
import { useMe } from '@/lib/auth';
import { useT } from '@/i18n';
import { FormError } from '@/ui/form-error';
import { StaffPage } from '@/ui/staff-page';
import { QueryState } from '@/ui/states';
import { DetailsForm } from './details-form';
import { usePerson, useSetDisabled, type Person } from './queries';
import { RoleBadges } from './role-badges';
import { RolesForm } from './roles-form';

/** Disabling ends the person's sessions at once, so it asks first; so does enabling, for symmetry. */
function StatusCard({ person }: { person: Person }) {
  const { t } = useT();
  const { me } = useMe();
  const [asking, setAsking] = useState(false);
  const toggle = useSetDisabled(person.id);
  const yourself = me?.id === person.id;
  const disable = !person.disabled;
  const close = () => {
    toggle.reset();
    setAsking(false);
  };
  return (
    <Card withBorder aria-labelledby="status-title" data-testid="status">
      <Stack gap="sm">
        <Title order={2} size="h4" id="status-title">
          {t('people.detail.statusTitle')}
        </Title>
        <Text size="sm">{person.disabled ? t('people.detail.inactive') : t('people.detail.active')}</Text>
        {yourself ? (
          <Text size="sm" c="dimmed">
            {t('people.detail.yourself')}
          </Text>
        ) : (
          <Group>
            <Button variant={disable ? 'outline' : 'filled'} color={disable ? 'red' : 'teal'} onClick={() => setAsking(true)}>
              {disable ? t('people.detail.disable') : t('people.detail.enable')}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal
        opened={asking}
        onClose={close}
        title={disable ? t('people.detail.disableTitle', { name: person.name }) : t('people.detail.enableTitle', { name: person.name })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm">
          <Text size="sm">{disable ? t('people.detail.disableText') : t('people.detail.enableText')}</Text>
          <FormError error={toggle.error} messages={{ NOT_YOURSELF: t('people.errors.NOT_YOURSELF') }} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color={disable ? 'red' : 'teal'} loading={toggle.isPending} onClick={() => toggle.mutate(disable, { onSuccess: () => setAsking(false) })}>
              {disable ? t('people.detail.disableConfirm') : t('people.detail.enableConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function PersonView({ person }: { person: Person }) {
  const { t } = useT();
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  return (
    <Stack gap="md">
      {created && (
        <Alert color="teal" role="status" py="xs">
          {t('people.create.created', { name: person.name })}
        </Alert>
      )}
      <Group gap="xs">
        <RoleBadges roles={person.roles} />
        {person.disabled && (
          <Badge color="gray" variant="filled" size="sm">
            {t('people.disabled')}
          </Badge>
        )}
      </Group>
      {person.business && (
        <Group>
          <Button component={Link} to={`/entrepreneurs/${person.id}`} variant="light" leftSection={<IconHistory size={16} aria-hidden />}>
            {t('people.detail.history')}
          </Button>
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
        <DetailsForm person={person} />
        <Stack gap="md">
          <RolesForm person={person} />
          <StatusCard person={person} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

/** One person: their details to correct, roles and assignment, the account's status, and their history. */
export function PersonPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const person = usePerson(id);
  return (
    <StaffPage area="admin" title={person.data?.name ?? t('people.title')}>
      <Anchor component={Link} to="/admin/people" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('people.back')}
        </Group>
      </Anchor>
      <QueryState query={person}>{(p) => <PersonView key={p.id} person={p} />}</QueryState>
    </StaffPage>
  );
}
