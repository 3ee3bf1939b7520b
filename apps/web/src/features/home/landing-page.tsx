import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBell, IconMessages, IconPresentation } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '@/api/client';
import type { Page, Workshop } from '@/api/types';
import { deviceZone, formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { Empty, QueryState } from '@/ui/states';

export const publicWorkshopsKey = (limit: number) => ['workshops', 'public', limit] as const;

export function LandingPage() {
  const { t, lang } = useT();
  const upcoming = useQuery({
    queryKey: publicWorkshopsKey(3),
    queryFn: () => unwrap<Page<Workshop>>(api.GET('/api/workshops', { params: { query: { limit: 3 } } })),
  });
  const offers = [
    { key: 'workshops', icon: IconPresentation },
    { key: 'consult', icon: IconMessages },
    { key: 'reminders', icon: IconBell },
  ] as const;
  return (
    <Stack gap="xl">
      <Stack gap="sm" py="md">
        <Title order={1} size="h2">
          {t('home.landing.title')}
        </Title>
        <Text>{t('home.landing.lead')}</Text>
        <Group>
          <Button component={Link} to="/register" size="md">
            {t('home.landing.register')}
          </Button>
          <Anchor component={Link} to="/login" fw={600}>
            {t('home.landing.login')}
          </Anchor>
        </Group>
      </Stack>
      <section aria-labelledby="offers">
        <Title order={2} size="h3" id="offers" mb="sm">
          {t('home.landing.offers')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {offers.map((o) => (
            <Card key={o.key} withBorder>
              <Group wrap="nowrap" align="flex-start">
                <ThemeIcon size="lg" variant="light" aria-hidden>
                  <o.icon size={20} />
                </ThemeIcon>
                <div>
                  <Text fw={700}>{t(`home.landing.offer.${o.key}.title`)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`home.landing.offer.${o.key}.text`)}
                  </Text>
                </div>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </section>
      <section aria-labelledby="upcoming">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="upcoming">
            {t('home.landing.upcoming')}
          </Title>
          <Anchor component={Link} to="/workshops">
            {t('home.landing.allWorkshops')}
          </Anchor>
        </Group>
        <QueryState query={upcoming}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty title={t('home.landing.noUpcoming')}>{t('home.landing.noUpcomingHint')}</Empty>
            ) : (
              <Stack>
                {page.items.map((w) => (
                  <Card key={w.id} withBorder component={Link} to={`/workshops/${w.id}`} data-testid="workshop-card">
                    <Text fw={700}>{w.title}</Text>
                    {w.sessions[0] && (
                      <Text size="sm" c="dimmed">
                        {formatDateTime(w.sessions[0].start, lang, deviceZone())}
                      </Text>
                    )}
                    <Group gap="xs" mt={6}>
                      <Badge variant="light">{t(`common.topics.${w.topic}`)}</Badge>
                    </Group>
                  </Card>
                ))}
              </Stack>
            )
          }
        </QueryState>
      </section>
    </Stack>
  );
}
