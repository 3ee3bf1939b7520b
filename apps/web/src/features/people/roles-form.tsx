import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import type { Role } from '@/api/types';
import { useT } from '@/i18n';
import { FormError } from '@/ui/form-error';
import { MentorFields, mentorProblems, type MentorValue } from './mentor-fields';
import { ALL_ROLES } from './filters';
import { useSetRoles, type Person, type RolesChange } from './queries';

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Roles, and a mentor's topics and kelurahan (PUT /api/users/:id/roles). The entrepreneur role needs a
 * business, which only the person's own sign-up brings: it can be kept or removed here, not added.
 */
export function RolesForm({ person }: { person: Person }) {
  const { t } = useT();
  const save = useSetRoles(person.id);
  const [roles, setRoles] = useState<Role[]>(person.roles);
  const [mentor, setMentor] = useState<MentorValue>(person.mentor ?? { topics: [], kelurahanCodes: [] });
  const [tried, setTried] = useState(false);
  const change = (apply: () => void) => {
    save.reset();
    apply();
  };
  const isMentor = roles.includes('mentor');
  const problems = {
    roles: roles.length === 0 ? t('people.detail.rolesNone') : undefined,
    ...(isMentor ? mentorProblems(mentor, t) : {}),
  };
  const assignmentChanged = !person.mentor || !sameSet(mentor.topics, person.mentor.topics) || !sameSet(mentor.kelurahanCodes, person.mentor.kelurahanCodes);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.values(problems).some(Boolean)) return;
    const body: RolesChange = { roles, ...(isMentor && assignmentChanged && { mentor }) };
    save.mutate(body);
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="roles-title" data-testid="roles-form">
      <Stack gap="md">
        <Title order={2} size="h4" id="roles-title">
          {t('people.detail.rolesTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('people.detail.rolesHint')}
        </Text>
        <Checkbox.Group label={t('people.role')} value={roles} onChange={(v) => change(() => setRoles(v as Role[]))} error={tried && problems.roles} withAsterisk>
          <Group gap="lg" mt={6}>
            {ALL_ROLES.map((r) => (
              <Checkbox key={r} value={r} label={t(`people.roles.${r}`)} disabled={r === 'entrepreneur' && !person.business} />
            ))}
          </Group>
        </Checkbox.Group>
        {!person.business && (
          <Text size="xs" c="dimmed">
            {t('people.detail.businessNeeded')}
          </Text>
        )}
        {isMentor && <MentorFields value={mentor} onChange={(v) => change(() => setMentor(v))} shown={tried} />}
        <FormError error={save.error} messages={{ NOT_YOURSELF: t('people.errors.NOT_YOURSELF') }} />
        {save.isSuccess && (
          <Alert color="teal" role="status" py="xs">
            {t('people.detail.rolesSaved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('people.detail.rolesSave')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
