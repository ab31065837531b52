import { Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKeyboard, IconLogout, IconSettings } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { PersonAvatar } from '../components/person-avatar';
import { useT } from '../i18n/use-t';
import { useCurrentUser, useSession } from './session';

/** The signed-in user's menu: profile and preferences, shortcuts, sign out. */
export function UserMenu({ accountPath, onShortcuts }: { accountPath: string; onShortcuts?: () => void }) {
  const user = useCurrentUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const t = useT();
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" aria-label={t('account.menu')}>
          <Group gap={6} wrap="nowrap">
            <PersonAvatar name={user.name} id={user.id} />
            <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
              {user.name}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Item leftSection={<IconSettings size={16} />} onClick={() => navigate(accountPath)}>
          {t('account.title')}
        </Menu.Item>
        {onShortcuts && (
          <Menu.Item leftSection={<IconKeyboard size={16} />} onClick={onShortcuts}>
            {t('shortcuts.title')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          data-testid="sign-out"
          onClick={() => void signOut().then(() => navigate('/sign-in'))}
        >
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
