import { useState, type FormEvent } from 'react';
import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '@/api/client';
import type { AuthResult } from '@/api/types';
import { useMe, useSignIn } from '@/lib/auth';
import { useT } from '@/i18n';
import { ErrorState } from '@/ui/states';

/** Only paths of this app: a `next` pointing elsewhere is ignored. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useT();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const signIn = useSignIn();
  const { me } = useMe();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => unwrap<AuthResult>(api.POST('/api/auth/login', { body: { email, password } })),
    onSuccess: async (result) => {
      await signIn(result);
      await navigate(next, { replace: true });
    },
  });
  if (me && !login.isPending) return <Navigate to={next} replace />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <Paper maw={420} mx="auto" p="lg" withBorder>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('auth.login.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('auth.login.intro')}
          </Text>
          <TextInput label={t('auth.login.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput label={t('auth.login.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          {login.error && <ErrorState error={login.error} messages={{ INVALID_CREDENTIALS: t('auth.login.errors.INVALID_CREDENTIALS'), ACCOUNT_DISABLED: t('auth.login.errors.ACCOUNT_DISABLED') }} />}
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('auth.login.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('auth.login.noAccount')}{' '}
            <Anchor component={Link} to={`/register${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>
              {t('auth.login.register')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
