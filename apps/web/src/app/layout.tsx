import { Suspense } from 'react';
import { ActionIcon, Anchor, Box, Container, Group, Menu, Text } from '@mantine/core';
import { IconBell, IconHome, IconLanguage, IconLogout, IconMessages, IconPresentation, IconUser } from '@tabler/icons-react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useMe, useSignOut } from '@/lib/auth';
import { setLang, useT } from '@/i18n';
import { NotificationBell } from '@/features/notifications/notification-bell';
import { ConnectionBanner } from '@/ui/connection-banner';
import { Loading } from '@/ui/states';
import classes from './layout.module.css';

const NAV = [
  { to: '/', key: 'home', icon: IconHome, end: true },
  { to: '/consultations', key: 'consultations', icon: IconMessages },
  { to: '/workshops', key: 'workshops', icon: IconPresentation },
  { to: '/profile', key: 'profile', icon: IconUser },
] as const;

function LanguageMenu() {
  const { t, lang } = useT();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" size="lg" aria-label={t('common.language')}>
          <IconLanguage size={20} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {(['id', 'en'] as const).map((l) => (
          <Menu.Item key={l} onClick={() => void setLang(l)} aria-current={lang === l ? 'true' : undefined} fw={lang === l ? 700 : 400}>
            {t(`common.languages.${l}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The frame of every page: header (logo, bell, language, account), the page, and a tab bar on phones. */
export function Layout() {
  const { t } = useT();
  const { me } = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <div className={classes.frame}>
      <a href="#main" className={classes.skip}>
        {t('common.skipToContent')}
      </a>
      <header className={classes.header}>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={Link} to="/" underline="never" className={classes.brand} aria-label={t('common.appName')}>
              <img src="/icons/icon.svg" alt="" width={28} height={28} />
              <Text component="span" fw={800} size="lg" c="teal.9">
                {t('common.appName')}
              </Text>
            </Anchor>
            {me && (
              <nav aria-label={t('common.nav.menu')} className={classes.topNav}>
                {NAV.map((item) => (
                  <NavLink key={item.to} to={item.to} end={'end' in item} className={classes.topLink}>
                    {t(`common.nav.${item.key}`)}
                  </NavLink>
                ))}
              </nav>
            )}
            <Group gap={4} wrap="nowrap">
              {me ? <NotificationBell /> : null}
              <LanguageMenu />
              {me ? (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" size="lg" aria-label={t('common.nav.profile')}>
                      <IconUser size={20} aria-hidden />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Label>{me.name}</Menu.Label>
                    <Menu.Item component={Link} to="/profile" leftSection={<IconUser size={16} aria-hidden />}>
                      {t('common.nav.profile')}
                    </Menu.Item>
                    <Menu.Item component={Link} to="/notifications" leftSection={<IconBell size={16} aria-hidden />}>
                      {t('common.nav.notifications')}
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconLogout size={16} aria-hidden />}
                      onClick={() => {
                        signOut();
                        void navigate('/');
                      }}
                    >
                      {t('common.nav.logout')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              ) : (
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to="/login" fw={600} size="sm">
                    {t('common.nav.login')}
                  </Anchor>
                </Group>
              )}
            </Group>
          </Group>
        </Container>
      </header>
      <ConnectionBanner />
      <Box component="main" id="main" tabIndex={-1} className={classes.main}>
        <Container size="lg" px="md" py="md">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Container>
      </Box>
      {me && (
        <nav aria-label={t('common.nav.menu')} className={classes.tabBar}>
          {NAV.map((item) => (
            <NavLink key={item.to} to={item.to} end={'end' in item} className={classes.tab}>
              <item.icon size={22} aria-hidden />
              <span>{t(`common.nav.${item.key}`)}</span>
            </NavLink>
          ))}
        </nav>
      )}
    </div>
  );
}

