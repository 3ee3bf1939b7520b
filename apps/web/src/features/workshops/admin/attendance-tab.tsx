import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { Workshop } from '@/api/types';
import { useT } from '@/i18n';
import { Empty, ErrorState, QueryState } from '@/ui/states';
import { downloadAttendanceCsv, useAttendance } from './admin-queries';
import { useAdminErrors } from './use-admin-errors';
import { TableScroll } from './table-scroll';

const minutes = (seconds: number) => Math.round(seconds / 60);

function Mark({ attended }: { attended: boolean }) {
  const { t } = useT();
  return (
    <Badge variant="light" color={attended ? 'teal' : 'gray'} c={attended ? 'teal.9' : 'gray.9'} data-attended={attended}>
      {attended ? t('adminWorkshops.attendance.attended') : t('adminWorkshops.attendance.notAttended')}
    </Badge>
  );
}

/** Time in the room per registrant and session, attended or not, and the same as a CSV file. */
export function AttendanceTab({ workshop: w }: { workshop: Workshop }) {
  const { t } = useT();
  const errors = useAdminErrors();
  const attendance = useAttendance(w.id);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      await downloadAttendanceCsv(w.id);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={620}>
          {t('adminWorkshops.attendance.hint')}
        </Text>
        <Button leftSection={<IconDownload size={18} aria-hidden />} onClick={() => void exportCsv()} loading={exporting}>
          {t('adminWorkshops.attendance.export')}
        </Button>
      </Group>
      {exportError != null && <ErrorState error={exportError} messages={errors} />}
      <QueryState query={attendance}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty title={t('adminWorkshops.attendance.empty')} />
          ) : (
            <Stack gap="xs">
              <Text size="sm" fw={600} data-testid="attendance-summary">
                {t('adminWorkshops.attendance.summary', { attended: items.filter((r) => r.attended).length, count: items.length })}
              </Text>
              <TableScroll label={t('adminWorkshops.detail.attendance')}>
                <Table striped miw={420 + w.sessions.length * 110} data-testid="attendance">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('adminWorkshops.attendance.name')}</Table.Th>
                      <Table.Th>{t('adminWorkshops.attendance.total')}</Table.Th>
                      {w.sessions.map((s, i) => (
                        <Table.Th key={s.id}>{t('adminWorkshops.attendance.session', { n: i + 1 })}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((r) => (
                      <Table.Tr key={r.userId} data-testid="attendance-row">
                        <Table.Td>{r.name}</Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <span>{t('adminWorkshops.attendance.minutes', { count: minutes(r.seconds) })}</span>
                            <Mark attended={r.attended} />
                          </Group>
                        </Table.Td>
                        {w.sessions.map((s) => {
                          const own = r.sessions.find((x) => x.sessionId === s.id);
                          return (
                            <Table.Td key={s.id}>
                              {t('adminWorkshops.attendance.minutes', { count: minutes(own?.seconds ?? 0) })}
                              {own?.attended ? ' ✓' : ''}
                            </Table.Td>
                          );
                        })}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
