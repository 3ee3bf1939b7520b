import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { BUSINESS_TYPES, type BusinessType } from '@/api/types';
import { zoneLabel, type Lang } from '@/lib/datetime';
import { useT } from '@/i18n';
import { FormError } from '@/ui/form-error';
import { LanguageControl } from '@/ui/language-control';
import { RegionPicker, regionFromKelurahan, type RegionValue } from '@/features/auth/region-picker';
import { INDONESIAN_ZONES, otherZones } from '@/features/profile/zones';
import { blankToNull, looksLikeEmail, looksLikePhone } from './checks';
import { useUpdatePerson, type Person, type PersonChange } from './queries';

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

/** An admin correcting someone's details (PATCH /api/users/:id): only what changed is sent. */
export function DetailsForm({ person }: { person: Person }) {
  const { t } = useT();
  const update = useUpdatePerson(person.id);
  const zones = useZoneOptions();
  const [form, setForm] = useState({
    name: person.name,
    email: person.email,
    phone: person.phone ?? '',
    organization: person.organization ?? '',
    timezone: person.timezone,
    locale: person.locale as Lang,
    businessName: person.business?.name ?? '',
    businessType: (person.business?.type ?? null) as BusinessType | null,
  });
  const [region, setRegion] = useState<RegionValue>(regionFromKelurahan(person.business?.kelurahanCode));
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<typeof form>) => {
    update.reset();
    setForm((f) => ({ ...f, ...patch }));
  };
  const text = (k: 'name' | 'email' | 'phone' | 'organization' | 'businessName') => (e: { currentTarget: { value: string } }) => set({ [k]: e.currentTarget.value });
  const problems = {
    name: form.name.trim().length < 2 ? t('people.problems.nameShort') : undefined,
    email: looksLikeEmail(form.email) ? undefined : t('people.problems.email'),
    phone: form.phone.trim() && !looksLikePhone(form.phone) ? t('people.problems.phone') : undefined,
    organization: form.organization.trim() && form.organization.trim().length < 2 ? t('people.problems.organizationShort') : undefined,
    businessName: person.business && form.businessName.trim().length < 2 ? t('people.problems.nameShort') : undefined,
    kelurahan: person.business && !region.kelurahan ? t('people.problems.required') : undefined,
  };
  const shown = (k: keyof typeof problems) => (tried ? problems[k] : undefined);

  const changes = (): PersonChange => {
    const body: PersonChange = {};
    if (form.name.trim() !== person.name) body.name = form.name.trim();
    if (form.email.trim().toLowerCase() !== person.email) body.email = form.email.trim();
    if (blankToNull(form.phone) !== person.phone) body.phone = blankToNull(form.phone);
    if (blankToNull(form.organization) !== person.organization) body.organization = blankToNull(form.organization);
    if (form.timezone !== person.timezone) body.timezone = form.timezone;
    if (form.locale !== person.locale) body.locale = form.locale;
    if (person.business) {
      const business: NonNullable<PersonChange['business']> = {};
      if (form.businessName.trim() !== person.business.name) business.name = form.businessName.trim();
      if (form.businessType && form.businessType !== person.business.type) business.type = form.businessType;
      if (region.kelurahan && region.kelurahan !== person.business.kelurahanCode) business.kelurahanCode = region.kelurahan;
      if (Object.keys(business).length > 0) body.business = business;
    }
    return body;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.values(problems).some(Boolean)) return;
    update.mutate(changes());
  };

  return (
    <form onSubmit={submit} noValidate data-testid="details-form">
      <Stack>
        <Fieldset legend={t('people.detail.account')}>
          <Stack gap="sm">
            <TextInput label={t('people.detail.name')} required value={form.name} onChange={text('name')} error={shown('name')} />
            <TextInput label={t('people.detail.email')} type="email" required description={t('people.detail.emailHint')} value={form.email} onChange={text('email')} error={shown('email')} />
            <TextInput label={t('people.detail.phone')} type="tel" inputMode="tel" description={t('people.detail.phoneHint')} value={form.phone} onChange={text('phone')} error={shown('phone')} />
            {!person.business && (
              <TextInput label={t('people.detail.organization')} description={t('people.detail.organizationHint')} value={form.organization} onChange={text('organization')} error={shown('organization')} />
            )}
            <Select
              label={t('people.detail.timezone')}
              searchable
              allowDeselect={false}
              data={zones}
              value={form.timezone}
              onChange={(v) => v && set({ timezone: v })}
              comboboxProps={{ withinPortal: true }}
            />
            <LanguageControl label={t('people.detail.language')} value={form.locale} onChange={(locale) => set({ locale })} />
          </Stack>
        </Fieldset>
        {person.business && (
          <Fieldset legend={t('people.detail.business')}>
            <Stack gap="sm">
              <TextInput label={t('people.detail.businessName')} required value={form.businessName} onChange={text('businessName')} error={shown('businessName')} />
              <Select
                label={t('people.businessType')}
                required
                allowDeselect={false}
                data={BUSINESS_TYPES.map((b) => ({ value: b, label: t(`common.businessTypes.${b}`) }))}
                value={form.businessType}
                onChange={(v) => set({ businessType: v as BusinessType })}
                comboboxProps={{ withinPortal: true }}
              />
              <Text size="sm" fw={500} mt={4}>
                {t('people.detail.area')}
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
        <FormError error={update.error} messages={{ EMAIL_TAKEN: t('people.errors.EMAIL_TAKEN') }} />
        {update.isSuccess && (
          <Alert color="teal" role="status" py="xs">
            {t('people.detail.saved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('people.detail.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
