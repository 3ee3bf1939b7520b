import { useEffect, useState } from 'react';
import { Anchor, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCopy, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, errorCode, unwrap } from '@/api/client';
import { RequireAuth } from '@/lib/auth';
import { useT } from '@/i18n';
import { ErrorState, Loading } from '@/ui/states';
import { FeedbackForm } from './feedback-form';
import { workshopKeys } from './keys';
import { useWorkshop, useWorkshopErrors } from './workshop-queries';
import { Notice } from './notice';

interface CertificateFile {
  blob: Blob;
  filename: string;
  number: string | null;
}

/** The PDF through the api client (bearer token), its number from the file name the api gives it. */
async function fetchCertificate(id: string): Promise<CertificateFile> {
  const call = api.GET('/api/workshops/{id}/certificate', { params: { path: { id } }, parseAs: 'blob' });
  const blob = (await unwrap(call)) as unknown as Blob;
  const { response } = await call;
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'sertifikat.pdf';
  return { blob, filename, number: /PDP-\d{4}-[A-Z0-9]{8}/.exec(filename)?.[0] ?? null };
}

export function CertificatePage() {
  return (
    <RequireAuth>
      <Certificate />
    </RequireAuth>
  );
}

/** `certificate.ready` links here: download the certificate, share its verification link, give feedback. */
function Certificate() {
  const { id = '' } = useParams();
  const { t } = useT();
  const errors = useWorkshopErrors();
  const workshop = useWorkshop(id);
  const certificate = useQuery({ queryKey: workshopKeys.certificate(id), queryFn: () => fetchCertificate(id), staleTime: Infinity });
  const notAttended = errorCode(certificate.error) === 'NOT_ATTENDED';
  return (
    <Stack maw={720}>
      <Anchor component={Link} to={`/workshops/${id}`} size="sm">
        ← {t('workshops.certificate.backToWorkshop')}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          {t('workshops.certificate.title')}
        </Title>
        {workshop.data && <Text c="dimmed">{workshop.data.title}</Text>}
      </div>
      {certificate.isPending ? (
        <Loading label={t('workshops.certificate.preparing')} />
      ) : notAttended ? (
        <Notice color="orange" title={t('workshops.certificate.notAttended')} data-testid="not-attended">
          {t('workshops.certificate.notAttendedHint')}
        </Notice>
      ) : certificate.error ? (
        <ErrorState error={certificate.error} messages={errors} onRetry={() => void certificate.refetch()} />
      ) : (
        <>
          <Ready file={certificate.data} />
          <FeedbackForm workshopId={id} />
        </>
      )}
    </Stack>
  );
}

function Ready({ file }: { file: CertificateFile }) {
  const { t } = useT();
  const [href, setHref] = useState<string>();
  useEffect(() => {
    const url = URL.createObjectURL(file.blob);
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [file.blob]);
  const verifyUrl = file.number ? `${window.location.origin}/certificates/${file.number}` : null;
  return (
    <Card withBorder data-testid="certificate">
      <Stack gap="sm" align="flex-start">
        <Text fw={600}>{t('workshops.certificate.ready')}</Text>
        {file.number && <Text size="sm" data-testid="certificate-number">{t('workshops.certificate.number', { number: file.number })}</Text>}
        <Button component="a" href={href} download={file.filename} leftSection={<IconDownload size={18} aria-hidden />} data-testid="download">
          {t('workshops.certificate.download')}
        </Button>
        {verifyUrl && (
          <Stack gap={4} w="100%">
            <TextInput label={t('workshops.certificate.verifyLink')} description={t('workshops.certificate.verifyHint')} value={verifyUrl} readOnly onFocus={(e) => e.currentTarget.select()} data-testid="verify-url" />
            <Group gap="sm">
              <CopyButton value={verifyUrl}>
                {({ copied, copy }) => (
                  <Button variant="outline" color="teal.9" size="xs" onClick={copy} leftSection={<IconCopy size={16} aria-hidden />} aria-live="polite">
                    {copied ? t('workshops.certificate.copied') : t('workshops.certificate.copy')}
                  </Button>
                )}
              </CopyButton>
              <Anchor component={Link} to={`/certificates/${file.number}`} size="sm">
                {t('workshops.certificate.openVerify')}
              </Anchor>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
