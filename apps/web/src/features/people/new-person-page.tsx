import { useState, type FormEvent } from 'react';
import { Anchor, Button, Checkbox, Fieldset, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { Role } from '@/api/types';
import { useT } from '@/i18n';
import { FormError } from '@/ui/form-error';
import { StaffPage } from '@/ui/staff-page';
import { looksLikeEmail, looksLikePhone } from './checks';
import { MentorFields, mentorProblems, type MentorValue } from './mentor-fields';
import { useCreatePerson } from './queries';

const STAFF_ROLES: Role[] = ['mentor', 'speaker', 'admin'];

function NewPersonForm() {
  const { t } = useT();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const [form, setForm] = useState({ name: '', email: '', password: '', phone: '', organization: '' });
  const [roles, setRoles] = useState<Role[]>([]);
  const [mentor, setMentor] = useState<MentorValue>({ topics: [], kelurahanCodes: [] });
  const [tried, setTried] = useState(false);
  const change = (apply: () => void) => {
    create.reset();
    apply();
  };
  const text = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    change(() => setForm((f) => ({ ...f, [k]: value })));
  };
  const isMentor = roles.includes('mentor');
  const problems = {
    name: form.name.trim().length < 2 ? t('people.problems.nameShort') : undefined,
    email: looksLikeEmail(form.email) ? undefined : t('people.problems.email'),
    password: form.password.length < 8 ? t('people.problems.password') : undefined,
    phone: form.phone.trim() && !looksLikePhone(form.phone) ? t('people.problems.phone') : undefined,
    organization: form.organization.trim() && form.organization.trim().length < 2 ? t('people.problems.organizationShort') : undefined,
    roles: roles.length === 0 ? t('people.detail.rolesNone') : undefined,
    ...(isMentor ? mentorProblems(mentor, t) : {}),
  };
  const shown = (k: keyof typeof problems) => (tried ? problems[k] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.values(problems).some(Boolean)) return;
    create.mutate(
      {
        name: form.name.trim(),
        email: form.email.trim(),
        password: form.password,
        roles,
        locale: 'id',
        ...(form.phone.trim() && { phone: form.phone.trim() }),
        ...(form.organization.trim() && { organization: form.organization.trim() }),
        ...(isMentor && { mentor }),
      },
      { onSuccess: (person) => void navigate(`/admin/people/${person.id}`, { state: { created: true } }) },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="new-person">
      <Stack maw={720}>
        <Fieldset legend={t('people.detail.account')}>
          <Stack gap="sm">
            <TextInput label={t('people.detail.name')} required autoComplete="off" value={form.name} onChange={text('name')} error={shown('name')} />
            <TextInput label={t('people.detail.email')} type="email" required autoComplete="off" value={form.email} onChange={text('email')} error={shown('email')} />
            <PasswordInput label={t('people.create.password')} description={t('people.create.passwordHint')} required autoComplete="new-password" value={form.password} onChange={text('password')} error={shown('password')} />
            <TextInput label={t('people.detail.phone')} type="tel" inputMode="tel" value={form.phone} onChange={text('phone')} error={shown('phone')} />
            <TextInput label={t('people.detail.organization')} description={t('people.detail.organizationHint')} value={form.organization} onChange={text('organization')} error={shown('organization')} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('people.detail.rolesTitle')}>
          <Stack gap="md">
            <Checkbox.Group label={t('people.role')} description={t('people.create.rolesHint')} value={roles} onChange={(v) => change(() => setRoles(v as Role[]))} error={shown('roles')} withAsterisk>
              <Group gap="lg" mt={6}>
                {STAFF_ROLES.map((r) => (
                  <Checkbox key={r} value={r} label={t(`people.roles.${r}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            {isMentor && <MentorFields value={mentor} onChange={(v) => change(() => setMentor(v))} shown={tried} />}
          </Stack>
        </Fieldset>
        <FormError error={create.error} messages={{ EMAIL_TAKEN: t('people.errors.EMAIL_TAKEN') }} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('people.create.submit')}
          </Button>
          <Anchor component={Link} to="/admin/people" size="sm">
            {t('common.cancel')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}

/** Tambah pengguna: a mentor (with kelurahan and topics), a speaker or an admin. */
export function NewPersonPage() {
  const { t } = useT();
  return (
    <StaffPage area="admin" title={t('people.create.title')}>
      <Text size="sm" c="dimmed">
        {t('people.create.intro')}
      </Text>
      <NewPersonForm />
    </StaffPage>
  );
}
