import { Card, Grid, List, Text, Title } from '@mantine/core';
import type { Workshop } from '@/api/types';
import { useDataSaver } from '@/features/video/data-saver';
import { PreJoin, type MediaChoices } from '@/features/video/pre-join';
import { useT } from '@/i18n';

/** Before going live: the video feature's device check (preview, level, pickers), its button "Mulai siaran". */
export function GreenRoom({ workshop, onLive }: { workshop: Workshop; onLive: (choices: MediaChoices) => void }) {
  const { t } = useT();
  const [dataSaver, setDataSaver] = useDataSaver();
  return (
    <Grid gap="md" data-testid="green-room">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card withBorder padding="sm">
          <PreJoin layout="stage" presenter joinLabel={t('speaker.green.goLive')} dataSaver={dataSaver} onDataSaver={setDataSaver} joining={false} onJoin={onLive} />
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card withBorder component="section" aria-labelledby="green-tips">
          <Title order={2} size="h4" id="green-tips" mb={4}>
            {t('speaker.green.tipsTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('speaker.green.lead')}
          </Text>
          <List size="sm" spacing={6}>
            <List.Item>{t('speaker.green.tipLight')}</List.Item>
            <List.Item>{t('speaker.green.tipScreen')}</List.Item>
            <List.Item>{t('speaker.green.tipPolls')}</List.Item>
          </List>
          <Text size="sm" mt="sm">
            {t('speaker.sessions.registered', { count: workshop.registeredCount })}
          </Text>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
