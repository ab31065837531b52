import { Alert, Anchor, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowMerge, IconHistory, IconMessages } from '@tabler/icons-react';
import { Suspense, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTicket, useTicketMessages } from '../../api/tickets';
import type { Message } from '../../api/types';
import { usePermission } from '../../app/use-permission';
import { ErrorBoundary } from '../../components/error-boundary';
import { Loading, QueryState } from '../../components/query-state';
import { useT } from '../../i18n/use-t';
import { panelsFor } from '../../tickets/panels';
import { AuditList } from './audit-list';
import { Composer } from './composer';
import { PropertiesPanel } from './properties-panel';
import { SplitModal } from './split-modal';
import { TicketHeader } from './ticket-header';
import { Timeline } from './timeline';
import classes from './ticket-page.module.css';

/**
 * The agent's ticket page: conversation and composer on the main side, properties and the
 * registered side panels (customer, links, and whatever other capabilities add) beside it.
 */
export default function TicketPage() {
  const { id = '' } = useParams();
  const ticket = useTicket(id);
  return (
    <QueryState query={ticket} notFoundHome="/views/mine">
      {(data) => <TicketView key={data.id} ticketId={data.id} />}
    </QueryState>
  );
}

function TicketView({ ticketId }: { ticketId: string }) {
  const t = useT();
  const check = usePermission();
  const ticket = useTicket(ticketId).data!;
  const messages = useTicketMessages(ticketId);
  const [tab, setTab] = useState<string | null>('conversation');
  const [splitting, setSplitting] = useState<Message | null>(null);

  return (
    <>
      <TicketHeader ticket={ticket} backTo="/views/mine" />
      {ticket.mergedIntoId && (
        <Alert color="gray" variant="light" icon={<IconArrowMerge size={16} />} mb="md">
          {t('ticket.mergedInto')}{' '}
          <Anchor component={Link} to={`/tickets/${ticket.mergedIntoId}`} size="sm">
            {t('ticket.openMerged')}
          </Anchor>
        </Alert>
      )}
      <div className={classes.layout}>
        <Stack gap="md" miw={0}>
          <Tabs value={tab} onChange={setTab} variant="default">
            <Tabs.List mb="md">
              <Tabs.Tab value="conversation" leftSection={<IconMessages size={15} />}>
                {t('ticket.tab.conversation')}
              </Tabs.Tab>
              <Tabs.Tab value="history" leftSection={<IconHistory size={15} />} data-testid="tab-history">
                {t('ticket.tab.history')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="conversation">
              <Stack gap="md">
                <QueryState query={messages}>
                  {(items) => <Timeline messages={items} onSplit={ticket.permissions.update ? setSplitting : undefined} />}
                </QueryState>
                <Composer ticket={ticket} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="history">{tab === 'history' && <AuditList ticket={ticket} />}</Tabs.Panel>
          </Tabs>
        </Stack>
        <aside className={classes.side} aria-label={t('ticket.sidePanels')}>
          <PropertiesPanel ticket={ticket} />
          {panelsFor(check).map((panel) => (
            <ErrorBoundary key={panel.id} fallback={<Text size="xs" c="red">{t('ticket.panelFailed')}</Text>}>
              <Suspense fallback={<Loading minHeight={80} />}>
                <div data-panel={panel.id}>
                  <panel.component ticket={ticket} />
                </div>
              </Suspense>
            </ErrorBoundary>
          ))}
        </aside>
      </div>
      <SplitModal ticket={ticket} message={splitting} onClose={() => setSplitting(null)} />
    </>
  );
}
