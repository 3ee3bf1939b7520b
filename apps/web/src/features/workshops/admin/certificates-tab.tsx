import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useZone } from '@/lib/auth';
import { formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { Empty, QueryState } from '@/ui/states';
import { useIssuedCertificates } from './admin-queries';
import { TableScroll } from './table-scroll';

/** The certificates issued, each with the public page that verifies it. */
export function CertificatesTab({ workshopId }: { workshopId: string }) {
  const { t, lang } = useT();
  const zone = useZone();
  const list = useIssuedCertificates(workshopId);
  return (
    <QueryState query={{ ...list, data: list.data?.pages.flatMap((p) => p.items) }}>
      {(items) =>
        items.length === 0 ? (
          <Empty title={t('adminWorkshops.certificates.empty')}>{t('adminWorkshops.certificates.emptyHint')}</Empty>
        ) : (
          <Stack gap="sm">
            {!list.hasNextPage && (
              <Text size="sm" fw={600}>
                {t('adminWorkshops.certificates.count', { count: items.length })}
              </Text>
            )}
            <TableScroll label={t('adminWorkshops.detail.certificates')}>
              <Table striped miw={520} data-testid="certificates">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('adminWorkshops.certificates.name')}</Table.Th>
                    <Table.Th>{t('adminWorkshops.certificates.number')}</Table.Th>
                    <Table.Th>{t('adminWorkshops.certificates.issuedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((c) => (
                    <Table.Tr key={c.number} data-testid="certificate-row">
                      <Table.Td>{c.name}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/certificates/${c.number}`} ff="monospace" size="sm">
                          {c.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{formatDateTime(c.issuedAt, lang, zone)}</Table.Td>
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
  );
}
