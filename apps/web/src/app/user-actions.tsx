import { ActionIcon, Group, Menu } from '@mantine/core';
import { IconBell, IconLanguage, IconLogout, IconUser } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useMe, useSignOut } from '@/lib/auth';
import { useT } from '@/i18n';
import { NotificationBell } from '@/features/notifications/notification-bell';
import { useChooseLanguage } from '@/features/profile/profile-queries';

function LanguageMenu() {
  const { t, lang } = useT();
  // A logged-in person's choice is kept on their account (notifications speak it too).
  const choose = useChooseLanguage();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" size="lg" aria-label={t('common.language')}>
          <IconLanguage size={20} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {(['id', 'en'] as const).map((l) => (
          <Menu.Item key={l} onClick={() => choose(l)} aria-current={lang === l ? 'true' : undefined} fw={lang === l ? 700 : 400}>
            {t(`common.languages.${l}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The header's right side for a logged-in person: bell, language, account. */
export function UserActions() {
  const { t } = useT();
  const { me } = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Group gap={4} wrap="nowrap">
      <NotificationBell />
      <LanguageMenu />
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" size="lg" aria-label={t('common.nav.profile')}>
            <IconUser size={20} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{me?.name}</Menu.Label>
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
    </Group>
  );
}
