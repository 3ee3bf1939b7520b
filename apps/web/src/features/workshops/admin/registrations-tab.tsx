import { useState } from 'react';
import { Badge, Button, NativeSelect, Stack, Table } from '@mantine/core';
import { useZone } from '@/lib/auth';
import { formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { Empty, QueryState } from '@/ui/states';
import { useAllKecamatan, useRegistrations, type RegistrationStatus } from './admin-queries';
import { TableScroll } from './table-scroll';

const STATUSES: RegistrationStatus[] = ['registered', 'waitlisted', 'cancelled'];
const COLOR: Record<RegistrationStatus, string> = { registered: 'teal', waitlisted: 'orange', cancelled: 'gray' };

/** Who registered, in order, and the line with each person's current place. */
export function RegistrationsTab({ workshopId }: { workshopId: string }) {
  const { t, lang } = useT();
  const zone = useZone();
  const [status, setStatus] = useState<RegistrationStatus | null>(null);
  const list = useRegistrations(workshopId, status);
  const kecamatan = useAllKecamatan();
  const nameOf = (code: string | null) => (code ? (kecamatan.data?.find((r) => r.code === code)?.name ?? code) : '—');
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('adminWorkshops.registrations.filter')}
        value={status ?? ''}
        onChange={(e) => setStatus((e.currentTarget.value || null) as RegistrationStatus | null)}
        data={[{ value: '', label: t('adminWorkshops.registrations.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`adminWorkshops.registrations.${s}`) }))]}
        maw={280}
      />
      <QueryState query={{ ...list, data: list.data?.pages.flatMap((p) => p.items) }}>
        {(items) =>
          items.length === 0 ? (
            <Empty title={status ? t('adminWorkshops.registrations.emptyFiltered') : t('adminWorkshops.registrations.empty')} />
          ) : (
            <Stack gap="sm">
              <TableScroll label={t('adminWorkshops.detail.registrations')}>
                <Table striped miw={560} data-testid="registrations">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('adminWorkshops.registrations.name')}</Table.Th>
                      <Table.Th>{t('adminWorkshops.registrations.status')}</Table.Th>
                      <Table.Th>{t('adminWorkshops.registrations.kecamatan')}</Table.Th>
                      <Table.Th>{t('adminWorkshops.registrations.registeredAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((r) => (
                      <Table.Tr key={r.userId} data-testid="registration-row">
                        <Table.Td>{r.name}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={COLOR[r.status]} c={`${COLOR[r.status]}.9`}>
                            {t(`adminWorkshops.registrations.${r.status}`)}
                            {r.position != null && ` ${t('adminWorkshops.registrations.positionValue', { n: r.position })}`}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{nameOf(r.kecamatanCode)}</Table.Td>
                        <Table.Td>{formatDateTime(r.createdAt, lang, zone)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
              {list.hasNextPage && (
                <Button variant="outline" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ alignSelf: 'center' }}>
                  {t('adminWorkshops.list.more')}
                </Button>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
