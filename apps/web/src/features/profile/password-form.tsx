import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, PasswordInput, Stack, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { useT } from '@/i18n';
import { session } from '@/lib/session';
import { ErrorState } from '@/ui/states';

/** Current and new password; a wrong current one is said in words, not as a code. */
export function PasswordForm() {
  const { t } = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [touched, setTouched] = useState(false);
  const change = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/me/password', { body: { currentPassword: current, newPassword: next } })),
    // The change ended every token issued before (other devices sign in again); this device keeps going on the fresh one.
    onSuccess: ({ accessToken }) => {
      session.set(accessToken);
      setCurrent('');
      setNext('');
      setTouched(false);
    },
  });
  const problems = {
    current: !current ? t('profile.required') : undefined,
    next: next.length < 8 ? t('profile.password.tooShort') : next === current ? t('profile.password.same') : undefined,
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problems.current || problems.next) return;
    change.mutate();
  };
  const edit = (set: (v: string) => void) => (e: { currentTarget: { value: string } }) => {
    change.reset();
    set(e.currentTarget.value);
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="password-form">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('profile.password.title')}
        </Title>
        <PasswordInput label={t('profile.password.current')} autoComplete="current-password" required value={current} onChange={edit(setCurrent)} error={touched && problems.current} />
        <PasswordInput
          label={t('profile.password.new')}
          description={t('profile.password.newHint')}
          autoComplete="new-password"
          required
          value={next}
          onChange={edit(setNext)}
          error={touched && problems.next}
        />
        {change.error && <ErrorState error={change.error} messages={{ WRONG_PASSWORD: t('profile.password.errors.WRONG_PASSWORD') }} />}
        {change.isSuccess && (
          <Alert color="teal" role="status" py="xs">
            {t('profile.password.changed')}
          </Alert>
        )}
        <Button type="submit" loading={change.isPending}>
          {t('profile.password.submit')}
        </Button>
      </Stack>
    </Card>
  );
}
