import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Card, Stack, Switch, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '@/api/client';
import type { Me, PreferencesView } from '@/api/types';
import { meKey, RequireAuth, useMe } from '@/lib/auth';
import { setLang, useT } from '@/i18n';
import { LanguageControl } from '@/ui/language-control';
import { ErrorState, QueryState } from '@/ui/states';
import { preferencesKey } from '@/features/profile/profile-queries';
import { CalendarSubscription } from './calendar-subscription';

function PreferencesForm({ initial }: { initial: PreferencesView }) {
  const { t } = useT();
  const { me } = useMe();
  const client = useQueryClient();
  const [form, setForm] = useState(initial);
  const save = useMutation({
    mutationFn: () => unwrap<PreferencesView>(api.PUT('/api/me/notification-preferences', { body: { email: form.email, whatsapp: form.whatsapp, inApp: true, locale: form.locale } })),
    onSuccess: async (saved) => {
      client.setQueryData(preferencesKey, saved);
      client.setQueryData<Me>(meKey, (old) => old && { ...old, locale: saved.locale });
      await setLang(saved.locale);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const change = (patch: Partial<PreferencesView>) => {
    save.reset();
    setForm({ ...form, ...patch });
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            {t('notifications.settings.channels')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('notifications.settings.channelsHint')}
          </Text>
        </div>
        <Switch label={t('notifications.settings.email')} description={t('notifications.settings.emailHint')} checked={form.email} onChange={(e) => change({ email: e.currentTarget.checked })} />
        <Switch label={t('notifications.settings.whatsapp')} description={t('notifications.settings.whatsappHint')} checked={form.whatsapp} onChange={(e) => change({ whatsapp: e.currentTarget.checked })} />
        {form.whatsapp && me && !me.phone && (
          <Text size="sm" c="orange.9">
            {t('notifications.settings.whatsappNoPhone')}{' '}
            <Anchor component={Link} to="/profile" size="sm">
              {t('common.nav.profile')}
            </Anchor>
          </Text>
        )}
        <LanguageControl label={t('notifications.settings.language')} value={form.locale} onChange={(v) => change({ locale: v })} />
        {save.error && <ErrorState error={save.error} />}
        {save.isSuccess && (
          <Alert color="teal" role="status" py="xs">
            {t('notifications.settings.saved')}
          </Alert>
        )}
        <Button type="submit" loading={save.isPending}>
          {t('notifications.settings.save')}
        </Button>
      </Stack>
    </Card>
  );
}

function Settings() {
  const { t } = useT();
  const prefs = useQuery({ queryKey: preferencesKey, queryFn: () => unwrap<PreferencesView>(api.GET('/api/me/notification-preferences')) });
  return (
    <Stack maw={640} mx="auto">
      <Anchor component={Link} to="/notifications" size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={16} aria-hidden />
        {t('notifications.settings.back')}
      </Anchor>
      <Title order={1} size="h2">
        {t('notifications.settings.title')}
      </Title>
      <QueryState query={prefs}>{(data) => <PreferencesForm initial={data} />}</QueryState>
      <CalendarSubscription />
    </Stack>
  );
}

/** Pengaturan: email and WhatsApp on or off, the language, and the calendar subscription. */
export function SettingsPage() {
  return (
    <RequireAuth>
      <Settings />
    </RequireAuth>
  );
}
