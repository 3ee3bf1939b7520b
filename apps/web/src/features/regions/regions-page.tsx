import { useState, type FormEvent } from 'react';
import { Accordion, Alert, Badge, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Region } from '@/api/types';
import { useT } from '@/i18n';
import { FormError } from '@/ui/form-error';
import { StaffPage } from '@/ui/staff-page';
import { Empty, QueryState } from '@/ui/states';
import { useRegions } from '@/features/auth/region-picker';
import { useCreateRegion } from './queries';
import classes from './regions.module.css';

const NAME_MAX = 100;

/** A kelurahan code under a kecamatan: the kecamatan's code, a dot and four digits. */
export const kelurahanCodeOf = (kecamatan: string) => new RegExp(`^${kecamatan.replace(/\./g, '\\.')}\\.\\d{4}$`);

function AddKelurahan({ kecamatan }: { kecamatan: Region }) {
  const { t } = useT();
  const create = useCreateRegion();
  const prefix = `${kecamatan.code}.`;
  const example = `${prefix}1001`;
  const [name, setName] = useState('');
  const [code, setCode] = useState(prefix);
  const [tried, setTried] = useState(false);
  const trimmed = name.trim();
  const problems = {
    name: trimmed.length < 2 ? t('regions.add.nameShort') : trimmed.length > NAME_MAX ? t('regions.add.nameLong') : undefined,
    code: kelurahanCodeOf(kecamatan.code).test(code.trim()) ? undefined : t('regions.add.codeShape', { prefix, example }),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problems.name || problems.code) return;
    create.mutate(
      { level: 'kelurahan', parentCode: kecamatan.code, code: code.trim(), name: trimmed },
      {
        onSuccess: () => {
          setName('');
          setCode(prefix);
          setTried(false);
        },
      },
    );
  };
  const edit = (apply: () => void) => {
    create.reset();
    apply();
  };
  return (
    <form onSubmit={submit} noValidate className={classes.add} data-testid="add-kelurahan">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('regions.add.title', { name: kecamatan.name })}
        </Title>
        <Group align="flex-start" grow preventGrowOverflow={false} className={classes.fields}>
          <TextInput label={t('regions.add.name')} placeholder={t('regions.add.namePlaceholder')} required value={name} onChange={(e) => edit(() => setName(e.currentTarget.value))} error={tried && problems.name} />
          <TextInput
            label={t('regions.add.code')}
            description={t('regions.add.codeHint', { example })}
            required
            inputMode="decimal"
            value={code}
            onChange={(e) => edit(() => setCode(e.currentTarget.value))}
            error={tried && problems.code}
          />
        </Group>
        <FormError error={create.error} messages={{ REGION_EXISTS: t('regions.errors.REGION_EXISTS') }} />
        {create.isSuccess && (
          <Alert color="teal" role="status" py="xs">
            {t('regions.add.added', { name: create.data.name, code: create.data.code })}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('regions.add.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function KecamatanPanel({ kecamatan }: { kecamatan: Region }) {
  const { t } = useT();
  const kelurahan = useRegions('kelurahan', kecamatan.code);
  return (
    <Stack gap="md">
      <QueryState query={kelurahan}>
        {(items) =>
          items.length === 0 ? (
            <Empty title={t('regions.noKelurahan')}>{t('regions.noKelurahanHint')}</Empty>
          ) : (
            <ul className={classes.list} aria-label={t('regions.kelurahanOf', { name: kecamatan.name })} data-testid="kelurahan-list">
              {items.map((k) => (
                <li key={k.code} className={classes.item} data-code={k.code}>
                  <Text size="sm">{k.name}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {k.code}
                  </Text>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <AddKelurahan kecamatan={kecamatan} />
    </Stack>
  );
}

function KecamatanList({ kota }: { kota: string }) {
  const { t } = useT();
  const kecamatan = useRegions('kecamatan', kota);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <QueryState query={kecamatan}>
      {(items) =>
        items.length === 0 ? (
          <Empty title={t('regions.noKecamatan')} />
        ) : (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('regions.kecamatanCount', { count: items.length })}
            </Text>
            <Accordion variant="separated" value={open} onChange={setOpen} data-testid="kecamatan-list">
              {items.map((k) => (
                <Accordion.Item key={k.code} value={k.code} data-code={k.code}>
                  <Accordion.Control>
                    <Group gap="xs" wrap="nowrap">
                      <Text fw={500}>{k.name}</Text>
                      <Badge variant="light" color="gray" ff="monospace" className={classes.code}>
                        {k.code}
                      </Badge>
                    </Group>
                  </Accordion.Control>
                  {/* Only the open kecamatan loads its kelurahan. */}
                  <Accordion.Panel>{open === k.code && <KecamatanPanel kecamatan={k} />}</Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </Stack>
        )
      }
    </QueryState>
  );
}

/** Wilayah: each kota's kecamatan with their kelurahan, and adding a kelurahan. */
export function RegionsPage() {
  const { t } = useT();
  const kotas = useRegions('kota');
  const [kota, setKota] = useState<string | null>(null);
  const chosen = kota ?? kotas.data?.[0]?.code ?? null;
  return (
    <StaffPage area="admin" title={t('regions.title')}>
      <Text size="sm" c="dimmed">
        {t('regions.intro')}
      </Text>
      <QueryState query={kotas}>
        {(items) => (
          <Stack gap="md">
            <Select
              label={t('regions.kota')}
              data={items.map((r) => ({ value: r.code, label: r.name }))}
              value={chosen}
              onChange={setKota}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              maw={420}
            />
            {chosen && <KecamatanList key={chosen} kota={chosen} />}
          </Stack>
        )}
      </QueryState>
    </StaffPage>
  );
}
