import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { ApiError } from '@/api/client';
import { BUSINESS_TYPES, type BusinessType, type Me, type UpdateMe } from '@/api/types';
import { RequireAuth, useMe } from '@/lib/auth';
import { zoneLabel } from '@/lib/datetime';
import { useT } from '@/i18n';
import { LanguageControl } from '@/ui/language-control';
import { ErrorState } from '@/ui/states';
import { RegionPicker, regionFromKelurahan, type RegionValue } from '@/features/auth/region-picker';
import { PasswordForm } from './password-form';
import { useUpdateMe } from './profile-queries';
import { INDONESIAN_ZONES, otherZones } from './zones';

function useZoneOptions() {
  const { t } = useT();
  return useMemo(
    () => [
      { group: t('profile.zoneGroups.indonesia'), items: INDONESIAN_ZONES.map((z) => ({ value: z, label: `${t(`profile.zones.${z}`)} (${z})` })) },
      { group: t('profile.zoneGroups.other'), items: otherZones().map((z) => ({ value: z, label: `${z.replace(/_/g, ' ')} (${zoneLabel(z)})` })) },
    ],
    [t],
  );
}

function ProfileForm({ me }: { me: Me }) {
  const { t, lang } = useT();
  const update = useUpdateMe();
  const zones = useZoneOptions();
  const [form, setForm] = useState({
    name: me.name,
    phone: me.phone ?? '',
    timezone: me.timezone,
    locale: me.locale ?? lang,
    businessName: me.business?.name ?? '',
    businessType: (me.business?.type ?? null) as BusinessType | null,
  });
  const [region, setRegion] = useState<RegionValue>(regionFromKelurahan(me.business?.kelurahanCode));
  const [touched, setTouched] = useState(false);
  const set = (patch: Partial<typeof form>) => {
    update.reset();
    setForm({ ...form, ...patch });
  };
  const text = (field: 'name' | 'phone' | 'businessName') => (e: { currentTarget: { value: string } }) => set({ [field]: e.currentTarget.value });

  const problems = {
    name: form.name.trim().length < 2 ? t('profile.nameShort') : undefined,
    businessName: me.business && form.businessName.trim().length < 2 ? t('profile.nameShort') : undefined,
    kelurahan: me.business && !region.kelurahan ? t('profile.required') : undefined,
  };
  const shown = (k: keyof typeof problems) => (touched ? problems[k] : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.values(problems).some(Boolean)) return;
    const body: UpdateMe = { name: form.name.trim(), phone: form.phone.trim() || null, timezone: form.timezone, locale: form.locale };
    if (me.business) body.business = { name: form.businessName.trim(), ...(form.businessType && { type: form.businessType }), kelurahanCode: region.kelurahan! };
    update.mutate(body);
  };
  const details = update.error instanceof ApiError ? update.error.details : [];

  return (
    <form onSubmit={submit} noValidate data-testid="profile-form">
      <Stack>
        <Fieldset legend={t('profile.you')}>
          <Stack gap="sm">
            <TextInput label={t('profile.email')} value={me.email} readOnly description={t('profile.emailHint')} />
            <TextInput label={t('profile.name')} autoComplete="name" required value={form.name} onChange={text('name')} error={shown('name')} />
            <TextInput label={t('profile.phone')} type="tel" inputMode="tel" autoComplete="tel" description={t('profile.phoneHint')} value={form.phone} onChange={text('phone')} />
          </Stack>
        </Fieldset>
        {me.business && (
          <Fieldset legend={t('profile.business')}>
            <Stack gap="sm">
              <TextInput label={t('profile.businessName')} required value={form.businessName} onChange={text('businessName')} error={shown('businessName')} />
              <Select
                label={t('profile.businessType')}
                required
                allowDeselect={false}
                data={BUSINESS_TYPES.map((b) => ({ value: b, label: t(`common.businessTypes.${b}`) }))}
                value={form.businessType}
                onChange={(v) => set({ businessType: v as BusinessType })}
              />
              <Text size="sm" fw={500} mt={4}>
                {t('profile.area')}
              </Text>
              <RegionPicker
                value={region}
                onChange={(v) => {
                  update.reset();
                  setRegion(v);
                }}
                error={shown('kelurahan')}
              />
            </Stack>
          </Fieldset>
        )}
        <Fieldset legend={t('profile.settings')}>
          <Stack gap="sm">
            <Select
              label={t('profile.timezone')}
              description={t('profile.timezoneHint')}
              searchable
              allowDeselect={false}
              data={zones}
              value={form.timezone}
              onChange={(v) => v && set({ timezone: v })}
              comboboxProps={{ withinPortal: true }}
              data-testid="timezone"
            />
            <LanguageControl label={t('profile.language')} value={form.locale} onChange={(v) => set({ locale: v })} />
          </Stack>
        </Fieldset>
        {update.error && (
          <>
            <ErrorState error={update.error} />
            {details.length > 0 && (
              <Text size="sm" c="red.8" component="ul">
                {details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </Text>
            )}
          </>
        )}
        {update.isSuccess && (
          <Alert color="teal" role="status" py="xs">
            {t('profile.saved')}
          </Alert>
        )}
        <Button type="submit" loading={update.isPending}>
          {t('profile.save')}
        </Button>
      </Stack>
    </form>
  );
}

function Profile() {
  const { t } = useT();
  const { me } = useMe();
  return (
    <Stack maw={640} mx="auto">
      <Title order={1} size="h2">
        {t('profile.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('profile.intro')}
      </Text>
      <ProfileForm me={me!} />
      <PasswordForm />
    </Stack>
  );
}

/** Profil: my details, business and area, zone and language, and my password. */
export function ProfilePage() {
  return (
    <RequireAuth>
      <Profile />
    </RequireAuth>
  );
}
