import { Group, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/use-t';

/** The product mark: a rounded "R" tile and the name. */
/** `compact`: the name gives way to the mark on a phone, so a full top bar still fits. */
export function Logo({ to = '/', compact = false }: { to?: string; compact?: boolean }) {
  const t = useT();
  return (
    <Link to={to} style={{ textDecoration: 'none', color: 'inherit' }} aria-label={t('app.name')}>
      <Group gap={8} wrap="nowrap">
        <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true">
          <rect width="32" height="32" rx="8" fill="var(--mantine-color-brand-6)" />
          <path d="M9 22V10h7a4 4 0 0 1 0 8h-7m7 0 5 4" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <Text fw={700} size="lg" style={{ letterSpacing: '-0.01em' }} visibleFrom={compact ? 'xs' : undefined}>
          {t('app.name')}
        </Text>
      </Group>
    </Link>
  );
}
