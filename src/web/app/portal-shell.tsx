import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { Suspense } from 'react';
import { NavLink as RouterNavLink, Outlet } from 'react-router-dom';
import { useOrganisation } from '../api/customers';
import { PageSkeleton } from '../components/page-skeleton';
import { LanguageMenu } from '../components/language-menu';
import { useT } from '../i18n/use-t';
import { Logo } from './logo';
import { navFor } from './nav';
import { useCurrentUser } from './session';
import { usePermission } from './use-permission';
import { UserMenu } from './user-menu';
import classes from './portal-shell.module.css';

/**
 * The customer portal frame: a light header with the customer's organisation, their requests
 * and a way to open a new one. No agent or admin navigation exists here at all.
 */
export function PortalShell() {
  const user = useCurrentUser();
  const t = useT();
  const organisation = useOrganisation(user.organisationId);
  const groups = navFor(usePermission());
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" className={classes.header}>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="lg" wrap="nowrap" miw={0}>
              <Logo to="/portal" />
              {organisation.data && (
                <Text size="sm" c="dimmed" visibleFrom="sm" data-testid="portal-organisation">
                  {organisation.data.name}
                </Text>
              )}
              <Group gap={4} component="nav" aria-label={t('nav.section.portal')}>
                {groups.flatMap((g) => g.items).map((item) => (
                  <Anchor key={item.id} component={RouterNavLink} to={item.to} end className={classes.link} underline="never" aria-label={t(item.label)} title={t(item.label)}>
                    <item.icon size={16} stroke={1.7} />
                    {/* On a phone the header keeps the icons and drops the words, so nothing is pushed off. */}
                    <span className={classes.linkLabel}>{t(item.label)}</span>
                  </Anchor>
                ))}
              </Group>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <LanguageMenu compact />
              <UserMenu accountPath="/portal/account" />
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="lg" py="lg" component="main">
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </Container>
    </Box>
  );
}
