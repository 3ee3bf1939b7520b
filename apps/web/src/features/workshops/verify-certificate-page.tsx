import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, errorCode, unwrap } from '@/api/client';
import type { CertificateVerification } from '@/api/types';
import { useZone } from '@/lib/auth';
import { formatDate } from '@/lib/datetime';
import { useT } from '@/i18n';
import { ErrorState, Loading } from '@/ui/states';
import { certificateKeys } from './keys';
import { Notice } from './notice';

/** Public: anyone holding a certificate's number (a bank, a cooperative) checks that it is genuine. */
export function VerifyCertificatePage() {
  const { number = '' } = useParams();
  const { t } = useT();
  const check = useQuery({
    queryKey: certificateKeys.verify(number),
    queryFn: () => unwrap<CertificateVerification>(api.GET('/api/certificates/{number}', { params: { path: { number } } })),
    staleTime: 5 * 60_000,
  });
  const shown = number.toUpperCase();
  return (
    <Stack maw={640}>
      <Title order={1} size="h2">
        {t('workshops.verify.title')}
      </Title>
      {check.isPending ? (
        <Loading label={t('workshops.verify.checking')} />
      ) : errorCode(check.error) === 'NOT_FOUND' ? (
        <Notice color="red" title={t('workshops.verify.notFound')} icon={<IconCircleX aria-hidden />} data-testid="verify-result" data-valid="false">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('workshops.verify.notFoundText', { number: shown })}
          </Text>
        </Notice>
      ) : check.error || !check.data ? (
        <ErrorState error={check.error} onRetry={() => void check.refetch()} />
      ) : check.data.valid ? (
        <Genuine certificate={check.data} />
      ) : (
        <Notice color="red" title={t('workshops.verify.invalid')} icon={<IconCircleX aria-hidden />} data-testid="verify-result" data-valid="false">
          {t('workshops.verify.invalidText', { number: check.data.number })}
        </Notice>
      )}
    </Stack>
  );
}

function Genuine({ certificate: c }: { certificate: CertificateVerification }) {
  const { t, lang } = useT();
  const zone = useZone();
  return (
    <Card withBorder data-testid="verify-result" data-valid="true">
      <Stack gap="sm">
        <Notice color="teal" title={t('workshops.verify.genuine')} icon={<IconCircleCheck aria-hidden />}>
          {t('workshops.verify.genuineText', { name: c.name, workshop: c.workshopTitle, date: formatDate(c.issuedAt, lang, zone) })}
        </Notice>
        <Table variant="vertical" layout="fixed" withTableBorder={false}>
          <Table.Tbody>
            {[
              [t('workshops.verify.holder'), c.name],
              [t('workshops.verify.workshop'), c.workshopTitle],
              [t('workshops.verify.issued'), formatDate(c.issuedAt, lang, zone)],
              [t('workshops.verify.numberLabel'), c.number],
            ].map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={130}>{label}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
