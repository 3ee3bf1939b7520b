import { useState, type FormEvent } from 'react';
import { Anchor, Button, Fieldset, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, idempotencyKey, unwrap } from '@/api/client';
import { BUSINESS_TYPES, type AuthResult, type BusinessType } from '@/api/types';
import { useSignIn } from '@/lib/auth';
import { useT } from '@/i18n';
import { ErrorState } from '@/ui/states';
import { RegionPicker, type RegionValue } from './region-picker';
import { safeNext } from './login-page';

export function RegisterPage() {
  const { t, lang } = useT();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [form, setForm] = useState({ name: '', email: '', phone: '', password: '', businessName: '', businessType: null as BusinessType | null });
  const [region, setRegion] = useState<RegionValue>({ kota: null, kecamatan: null, kelurahan: null });
  const [touched, setTouched] = useState(false);
  const [key] = useState(idempotencyKey);
  const set = (field: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [field]: e.currentTarget.value });

  const problems = {
    name: !form.name.trim() ? t('auth.register.required') : undefined,
    email: !/^\S+@\S+\.\S+$/.test(form.email.trim()) ? t('auth.register.emailInvalid') : undefined,
    password: form.password.length < 8 ? t('auth.register.passwordShort') : undefined,
    businessName: !form.businessName.trim() ? t('auth.register.required') : undefined,
    businessType: !form.businessType ? t('auth.register.required') : undefined,
    kelurahan: !region.kelurahan ? t('auth.register.required') : undefined,
  };
  const shown = (k: keyof typeof problems) => (touched ? problems[k] : undefined);

  const register = useMutation({
    mutationFn: () =>
      unwrap<AuthResult>(
        api.POST('/api/auth/register', {
          headers: { 'Idempotency-Key': key },
          body: {
            name: form.name.trim(),
            email: form.email.trim(),
            password: form.password,
            phone: form.phone.trim() || undefined,
            locale: lang,
            business: { name: form.businessName.trim(), type: form.businessType!, kelurahanCode: region.kelurahan! },
          },
        }),
      ),
    onSuccess: async (result) => {
      await signIn(result);
      await navigate(next === '/' ? '/' : next, { replace: true });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.values(problems).some(Boolean)) return;
    register.mutate();
  };
  const serverDetails = register.error instanceof ApiError ? register.error.details : [];

  return (
    <Paper maw={520} mx="auto" p="lg" withBorder>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('auth.register.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('auth.register.intro')}
          </Text>
          <Fieldset legend={t('auth.register.you')}>
            <Stack gap="sm">
              <TextInput label={t('auth.register.name')} autoComplete="name" required value={form.name} onChange={set('name')} error={shown('name')} />
              <TextInput label={t('auth.register.email')} type="email" autoComplete="email" required value={form.email} onChange={set('email')} error={shown('email')} />
              <TextInput label={t('auth.register.phone')} type="tel" autoComplete="tel" inputMode="tel" description={t('auth.register.phoneHint')} value={form.phone} onChange={set('phone')} />
              <PasswordInput label={t('auth.register.password')} autoComplete="new-password" required description={t('auth.register.passwordHint')} value={form.password} onChange={set('password')} error={shown('password')} />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('auth.register.business')}>
            <Stack gap="sm">
              <TextInput label={t('auth.register.businessName')} required value={form.businessName} onChange={set('businessName')} error={shown('businessName')} />
              <Select
                label={t('auth.register.businessType')}
                required
                data={BUSINESS_TYPES.map((b) => ({ value: b, label: t(`common.businessTypes.${b}`) }))}
                value={form.businessType}
                onChange={(v) => setForm({ ...form, businessType: v as BusinessType | null })}
                error={shown('businessType')}
                allowDeselect={false}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('auth.register.area')}>
            <RegionPicker value={region} onChange={setRegion} error={shown('kelurahan')} />
          </Fieldset>
          {register.error && (
            <>
              <ErrorState error={register.error} messages={{ EMAIL_TAKEN: t('auth.register.errors.EMAIL_TAKEN') }} />
              {serverDetails.length > 0 && (
                <Text size="sm" c="red" component="ul">
                  {serverDetails.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </Text>
              )}
            </>
          )}
          <Button type="submit" loading={register.isPending} fullWidth>
            {t('auth.register.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('auth.register.haveAccount')}{' '}
            <Anchor component={Link} to="/login">
              {t('auth.register.login')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
