import { lazy, Suspense } from 'react';
import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core';
import { IconCalendarWeek, IconHome, IconMessages, IconMicrophone, IconPresentation, IconSettings, IconUser } from '@tabler/icons-react';
import { Link, NavLink, Outlet } from 'react-router';
import type { Me, Role } from '@/api/types';
import { useMe } from '@/lib/auth';
import { setLang, useT } from '@/i18n';
import { afterFirstScreen } from '@/ui/after-first-screen';
import { ConnectionBanner } from '@/ui/connection-banner';
import { STAFF_AREAS } from '@/ui/staff-areas';
import { Loading } from '@/ui/states';
import classes from './layout.module.css';

// The bell, the account and language menus: code for logged-in people only (menus bring floating-ui), with
// the full stylesheet and text they need.
const UserActions = lazy(() => Promise.all([import('./user-actions'), afterFirstScreen()]).then(([m]) => ({ default: m.UserActions })));

interface NavItem {
  to: string;
  key: string;
  icon: typeof IconHome;
  end?: boolean;
  /** Shown to a person holding any of these roles (everyone when absent). */
  roles?: Role[];
  /** A shorter label for the phone's tab bar (five share 360 px). */
  tabKey?: string;
  /** Left out of the phone's tab bar when it would hold more than five (it stays in the account menu). */
  spare?: boolean;
}

const NAV: NavItem[] = [
  { to: '/', key: 'home', icon: IconHome, end: true },
  { to: '/consultations', key: 'consultations', icon: IconMessages },
  { to: '/mentor', key: STAFF_AREAS.mentor.navKey, tabKey: 'mentorAreaShort', icon: IconCalendarWeek, roles: STAFF_AREAS.mentor.roles },
  { to: '/speaker', key: STAFF_AREAS.speaker.navKey, tabKey: 'speakerAreaShort', icon: IconMicrophone, roles: STAFF_AREAS.speaker.roles },
  { to: '/admin', key: STAFF_AREAS.admin.navKey, icon: IconSettings, roles: STAFF_AREAS.admin.roles },
  { to: '/workshops', key: 'workshops', icon: IconPresentation },
  { to: '/profile', key: 'profile', icon: IconUser, spare: true },
];

/** A person's entries: one account may hold several roles, and sees the entries of each. */
export function navFor(me: Me): { top: NavItem[]; tabs: NavItem[] } {
  const top = NAV.filter((item) => !item.roles || item.roles.some((r) => me.roles.includes(r)));
  return { top, tabs: top.length > 5 ? top.filter((item) => !item.spare) : top };
}

/** Before login: one button to the other language (the full menu comes with the account menu). */
function LanguageToggle() {
  const { t, lang } = useT();
  const other = lang === 'id' ? 'en' : 'id';
  return (
    <Button variant="subtle" size="compact-sm" onClick={() => void setLang(other)} lang={other}>
      {t(`common.languageShort.${other}`)}
    </Button>
  );
}

/** The frame of every page: header (logo, bell, language, account), the page, and a tab bar on phones. */
export function Layout() {
  const { t } = useT();
  const { me } = useMe();
  const nav = me ? navFor(me) : null;
  return (
    <div className={classes.frame}>
      <a href="#main" className={classes.skip}>
        {t('common.skipToContent')}
      </a>
      <header className={classes.header}>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={Link} to="/" underline="never" className={classes.brand} aria-label={t('common.appName')}>
              <img src="/icons/icon.svg" alt="" width={28} height={28} className={classes.logo} />
              <Text component="span" fw={800} size="lg" c="teal.9" lh={1}>
                {t('common.appName')}
              </Text>
            </Anchor>
            {nav && (
              <nav aria-label={t('common.nav.menu')} className={classes.topNav}>
                {nav.top.map((item) => (
                  <NavLink key={item.to} to={item.to} end={item.end} className={classes.topLink}>
                    {t(`common.nav.${item.key}`)}
                  </NavLink>
                ))}
              </nav>
            )}
            {me ? (
              <Suspense fallback={null}>
                <UserActions />
              </Suspense>
            ) : (
              <Group gap={6} wrap="nowrap">
                <LanguageToggle />
                <Anchor component={Link} to="/login" fw={600} size="sm">
                  {t('common.nav.login')}
                </Anchor>
              </Group>
            )}
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
      {nav && (
        <nav aria-label={t('common.nav.menu')} className={classes.tabBar}>
          {nav.tabs.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.end} className={classes.tab}>
              <item.icon size={22} aria-hidden />
              <span>{t(`common.nav.${item.tabKey ?? item.key}`)}</span>
            </NavLink>
          ))}
        </nav>
      )}
    </div>
  );
}

