import './plugins';
import { ActionIcon, AppShell, Box, Burger, Button, Group, Kbd, NavLink, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Suspense, useRef, useState, type FormEvent } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PageSkeleton } from '../components/page-skeleton';
import { LanguageMenu } from '../components/language-menu';
import { useT } from '../i18n/use-t';
import { activeHeaderItems } from './header-items';
import { Logo } from './logo';
import { navFor } from './nav';
import { usePermission } from './use-permission';
import { ShortcutsDialog } from './shortcuts';
import { UserMenu } from './user-menu';

/**
 * The staff workspace frame: header with search and "new ticket", the navigation from
 * `nav.ts` on the start side (right in Hebrew), and the page in the middle.
 */
export function AgentShell() {
  const check = usePermission();
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const [navOpen, nav] = useDisclosure(false);
  const [helpOpen, help] = useDisclosure(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const [search, setSearch] = useState('');

  useHotkeys([
    ['/', (e) => { e.preventDefault(); searchRef.current?.focus(); }],
    ['c', () => navigate('/tickets/new')],
    // The browser reports the character typed ("?"), not the key under it: "shift+/" never
    // matched. "?" needs Shift on most layouts, not on all.
    ['shift+?', () => help.open()],
    ['?', () => help.open()],
  ]);

  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    const q = search.trim();
    navigate(q ? `/views/all?q=${encodeURIComponent(q)}` : '/views/all');
    searchRef.current?.blur();
  };

  const isActive = (to: string, match?: string) =>
    match ? location.pathname.startsWith(match) : location.pathname === to.split('?')[0];

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 228, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="lg"
      styles={{ main: { background: 'var(--mantine-color-gray-0)' } }}
    >
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Logo to="/views/mine" compact />
          </Group>
          <Box component="form" onSubmit={submitSearch} flex={1} maw={520} visibleFrom="xs" role="search">
            <TextInput
              ref={searchRef}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              placeholder={t('search.placeholder')}
              aria-label={t('search.placeholder')}
              leftSection={<IconSearch size={16} />}
              rightSection={<Kbd size="xs">/</Kbd>}
              radius="md"
              variant="filled"
              data-testid="global-search"
            />
          </Box>
          <Group gap="xs" wrap="nowrap">
            <Button component={Link} to="/tickets/new" leftSection={<IconPlus size={16} />} size="xs" visibleFrom="sm" data-testid="new-ticket">
              {t('tickets.new')}
            </Button>
            {/* A phone keeps the top bar's icons in view: "New ticket" becomes its icon. */}
            <ActionIcon component={Link} to="/tickets/new" size="md" hiddenFrom="sm" aria-label={t('tickets.new')} title={t('tickets.new')}>
              <IconPlus size={16} />
            </ActionIcon>
            {activeHeaderItems().map((item) => <Suspense key={item.id} fallback={null}><item.component /></Suspense>)}
            <LanguageMenu compact />
            <UserMenu accountPath="/account" onShortcuts={help.open} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap="md" pt={4}>
            {navFor(check).map((group) => (
              <nav key={group.section} aria-label={t(`nav.section.${group.section}`)}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" mb={4} style={{ letterSpacing: '0.04em' }}>
                  {t(`nav.section.${group.section}`)}
                </Text>
                {group.items.map((item) => (
                  <NavLink
                    key={item.id}
                    component={Link}
                    to={item.to}
                    label={t(item.label)}
                    leftSection={<item.icon size={17} stroke={1.7} />}
                    active={isActive(item.to, item.match)}
                    onClick={nav.close}
                    variant="light"
                    py={6}
                    style={{ borderRadius: 'var(--mantine-radius-md)' }}
                    data-nav={item.id}
                  />
                ))}
              </nav>
            ))}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <ShortcutsDialog opened={helpOpen} onClose={help.close} />
    </AppShell>
  );
}
