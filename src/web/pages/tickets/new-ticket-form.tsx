import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useAssets, useContact, useOrganisation, useSites } from '../../api/customers';
import { useTeams, useUsers } from '../../api/people';
import { ticketPriorities, type Contact, type Organisation, type TicketCreate, type TicketPriority } from '../../api/types';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { ContactPicker, OrganisationPicker } from '../customers/pickers';

const agentChannels = ['phone', 'email', 'web', 'chat', 'whatsapp'];

/**
 * The agent's new-ticket form: who it is for (contact, organisation, site, asset), what it is
 * about, and how to route it. Picking a contact fills in their organisation and site.
 */
export function NewTicketForm({
  initialContactId,
  initialOrganisationId,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  initialContactId: string | null;
  initialOrganisationId: string | null;
  busy: boolean;
  error: string | null;
  onSubmit: (body: TicketCreate) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const initialContact = useContact(initialContactId);
  const [contact, setContact] = useState<Contact | null>(null);
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [assetId, setAssetId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [priority, setPriority] = useState<TicketPriority>('normal');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [channel, setChannel] = useState<string>('phone');
  const [type, setType] = useState('');
  const [tags, setTags] = useState<string[]>([]);

  const effectiveContact = contact ?? initialContact.data ?? null;
  // The organisation follows the contact unless the agent picked one explicitly.
  const derivedOrg = useOrganisation(organisation ? null : (effectiveContact?.organisationId ?? initialOrganisationId));
  const effectiveOrg = organisation ?? derivedOrg.data ?? null;
  const sites = useSites(effectiveOrg?.id);
  const assets = useAssets(effectiveOrg?.id);
  const teams = useTeams();
  const users = useUsers();
  const siteAssets = (assets.data ?? []).filter((a) => !siteId || a.siteId === siteId);
  const effectiveSite = siteId ?? effectiveContact?.siteId ?? null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({
      subject: subject.trim(),
      body: body.trim(),
      priority,
      channel,
      ...(effectiveContact ? { contactId: effectiveContact.id } : {}),
      ...(effectiveOrg ? { organisationId: effectiveOrg.id } : {}),
      ...(effectiveSite ? { siteId: effectiveSite } : {}),
      ...(assetId ? { assetId } : {}),
      ...(teamId ? { teamId } : {}),
      ...(assigneeId ? { assigneeId } : {}),
      ...(type.trim() ? { type: type.trim() } : {}),
      ...(tags.length ? { tags } : {}),
    });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <Paper withBorder p="md">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <ContactPicker
                label={t('newTicket.contact')}
                placeholder={t('newTicket.contactPlaceholder')}
                value={effectiveContact?.id ?? null}
                selected={effectiveContact}
                onChange={(_, record) => {
                  setContact(record);
                  if (record?.siteId) setSiteId(record.siteId);
                  if (record?.organisationId && record.organisationId !== effectiveOrg?.id) setOrganisation(null);
                }}
                data-testid="new-ticket-contact"
              />
              <OrganisationPicker
                label={t('newTicket.organisation')}
                placeholder={t('newTicket.organisationPlaceholder')}
                value={effectiveOrg?.id ?? null}
                selected={effectiveOrg}
                onChange={(_, record) => {
                  setOrganisation(record);
                  setSiteId(null);
                  setAssetId(null);
                }}
              />
              <Select
                label={t('newTicket.site')}
                data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.city ? `${s.name} · ${s.city}` : s.name }))}
                value={effectiveSite}
                onChange={(v) => {
                  setSiteId(v);
                  setAssetId(null);
                }}
                disabled={!effectiveOrg}
                clearable
                allowDeselect
              />
              <Select
                label={t('newTicket.asset')}
                data={siteAssets.map((a) => ({ value: a.id, label: a.serial ? `${a.model} · ${a.serial}` : a.model }))}
                value={assetId}
                onChange={setAssetId}
                disabled={!effectiveOrg}
                searchable
                clearable
                allowDeselect
              />
            </SimpleGrid>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <TextInput label={t('newTicket.subject')} required value={subject} onChange={(e) => setSubject(e.currentTarget.value)} data-testid="new-ticket-subject" />
            <Textarea
              label={t('newTicket.body')}
              required
              autosize
              minRows={6}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              data-testid="new-ticket-body"
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select label={t('ticket.field.priority')} data={ticketPriorities.map((p) => ({ value: p, label: t(`ticket.priority.${p}`) }))} value={priority} onChange={(v) => v && setPriority(v as TicketPriority)} />
            <Select label={t('newTicket.channel')} data={agentChannels.map((c) => ({ value: c, label: codeLabel('channel', c) }))} value={channel} onChange={(v) => v && setChannel(v)} />
            <TextInput label={t('ticket.field.type')} value={type} onChange={(e) => setType(e.currentTarget.value)} placeholder={t('ticket.typePlaceholder')} />
            <Select label={t('ticket.field.team')} data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} value={teamId} onChange={setTeamId} clearable allowDeselect />
            <Select
              label={t('ticket.field.assignee')}
              data={(users.data ?? []).filter((u) => u.staff && u.active && (!teamId || u.teamIds.includes(teamId))).map((u) => ({ value: u.id, label: u.name }))}
              value={assigneeId}
              onChange={setAssigneeId}
              searchable
              clearable
              allowDeselect
            />
            <TagsInput label={t('ticket.field.tags')} value={tags} onChange={setTags} />
          </SimpleGrid>
        </Paper>
        {error && (
          <Alert color="red" variant="light">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={!subject.trim() || !body.trim()} data-testid="new-ticket-submit">
            {t('newTicket.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
