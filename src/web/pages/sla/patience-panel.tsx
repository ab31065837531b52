import { Button, Group, List, RingProgress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowsExchange, IconHeartHandshake } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { usePatience, type Patience } from '../../api/sla';
import type { Ticket } from '../../api/types';
import { QueryState } from '../../components/query-state';
import { useT } from '../../i18n/use-t';
import { TicketPanelCard } from '../../tickets/panel-card';

const TransferDialog = lazy(() => import('./transfer-dialog'));

const levelColors: Record<Patience['level'], string> = { good: 'teal', strained: 'yellow', low: 'orange', exhausted: 'red' };

function PatienceBody({ patience }: { patience: Patience }) {
  const t = useT();
  const color = levelColors[patience.level];
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="nowrap">
        <RingProgress size={64} thickness={7} roundCaps sections={[{ value: patience.score, color }]} label={<Text ta="center" size="sm" fw={700} className="tabular">{patience.score}</Text>} />
        <div>
          <Text fw={600} c={color} data-testid="patience-level">
            {t(`patience.level.${patience.level}`)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('patience.score', { score: patience.score })}
          </Text>
        </div>
      </Group>
      {patience.reasons.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('patience.none')}
        </Text>
      ) : (
        <Stack gap={2} data-testid="patience-reasons">
          {patience.reasons.map((r) => (
            <Group key={r.code} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm">{t(`patience.reason.${r.code}`, r.values)}</Text>
              <Text size="xs" c="red" className="tabular">
                {t('patience.points', { points: r.points })}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {patience.remedy.steps.length > 0 && (
        <div data-testid="patience-remedy">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
            {t('patience.remedy.title')}
          </Text>
          <List spacing={2} size="sm" icon={<ThemeIcon size={16} radius="xl" color={color} variant="light"><IconHeartHandshake size={11} /></ThemeIcon>}>
            {patience.remedy.steps.map((s) => (
              <List.Item key={s.action}>{t(`patience.remedy.${s.action}`, { size: t(`patience.goodwill.${patience.remedy.goodwill === 'none' ? 'small' : patience.remedy.goodwill}`) })}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed" mt={4}>
            {t('patience.remedy.same')}
          </Text>
        </div>
      )}
    </Stack>
  );
}

/**
 * How much patience the customer has left and why (contacts read against their culture,
 * transfers, ping-pong, broken promises …), what to do about it, and the transfer action —
 * which always asks for a hand-off summary.
 */
export default function PatiencePanel({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const patience = usePatience(ticket.id);
  const [transferring, setTransferring] = useState(false);
  return (
    <TicketPanelCard
      title={t('patience.title')}
      testId="patience-panel"
      actions={
        ticket.permissions.update ? (
          <Button size="compact-xs" variant="subtle" leftSection={<IconArrowsExchange size={13} />} onClick={() => setTransferring(true)} data-testid="transfer-open">
            {t('transfer.action')}
          </Button>
        ) : undefined
      }
    >
      <QueryState query={patience}>{(data) => <PatienceBody patience={data} />}</QueryState>
      {transferring && (
        <Suspense fallback={null}>
          <TransferDialog ticket={ticket} onClose={() => setTransferring(false)} />
        </Suspense>
      )}
    </TicketPanelCard>
  );
}
