import { useState } from 'react';
import { Loader, MultiSelect } from '@mantine/core';
import { useT } from '@/i18n';
import { useSpeakerSearch } from './admin-queries';
import { speakerLabel } from './workshop-form';

export interface PickedSpeaker {
  id: string;
  label: string;
}

/** Speakers from the admin's people directory, searched on the server as one types (role speaker). */
export function SpeakersPicker({ value, onChange, error }: { value: PickedSpeaker[]; onChange: (v: PickedSpeaker[]) => void; error?: string }) {
  const { t } = useT();
  const [search, setSearch] = useState('');
  const found = useSpeakerSearch(search);
  const results = (search.trim().length >= 2 ? (found.data?.items ?? []) : []).map((u) => ({ id: u.id, label: speakerLabel(u) }));
  // The chosen ones stay in the options (a MultiSelect shows only values it has options for).
  const options = [...value, ...results.filter((r) => !value.some((v) => v.id === r.id))];
  const labels = new Map(options.map((o) => [o.id, o.label]));
  return (
    <MultiSelect
      label={t('adminWorkshops.form.speakers')}
      description={t('adminWorkshops.form.speakersHint')}
      data={options.map((o) => ({ value: o.id, label: o.label }))}
      value={value.map((v) => v.id)}
      onChange={(ids) => onChange(ids.map((id) => ({ id, label: labels.get(id) ?? id })))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has filtered already; the chosen ones are hidden from the dropdown by MultiSelect itself.
      filter={({ options: all }) => all}
      nothingFoundMessage={search.trim().length >= 2 ? (found.isFetching ? t('adminWorkshops.form.speakersSearching') : t('adminWorkshops.form.speakersNone')) : undefined}
      rightSection={found.isFetching ? <Loader size="xs" aria-hidden /> : undefined}
      maxValues={10}
      hidePickedOptions
      clearable
      error={error}
      data-testid="speakers"
    />
  );
}
