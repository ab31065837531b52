/**
 * The culture engine in the reply composer: a greeting and sign-off in the customer's language
 * and register pre-filled into an empty reply, a greeting menu (Frau/Herr, Dr. …), and
 * warnings as the agent types when the reply goes against the customer's policy.
 */
import { Button, Menu } from '@mantine/core';
import { IconHandStop } from '@tabler/icons-react';
import { useMemo } from 'react';
import { addressFromEarlierGreeting, checkReplyAgainstPolicy, renderSalutation, titleFromName, type Gender, type TitleKey } from '../../../culture/browser';
import type { ServicePolicy } from '../../../culture/browser';
import { useContact } from '../../api/customers';
import { useTicketMessages } from '../../api/tickets';
import type { Ticket } from '../../api/types';
import { useCurrentUser } from '../../app/session';
import { useDisplayNames } from '../../i18n/display-names';
import { useT } from '../../i18n/use-t';
import type { ComposerContext, ComposerExtension, ComposerWarning } from '../../tickets/composer-extensions';
import { useAddressPrefs, type AddressPrefs } from './address-prefs';
import { useTicketPolicy } from './use-ticket-policy';

const MESSAGING = new Set(['whatsapp', 'telegram', 'line', 'wechat', 'kakaotalk', 'viber', 'messenger', 'zalo', 'sms', 'webchat', 'chat']);

function useGreeting(ticket: Ticket) {
  const source = useTicketPolicy(ticket);
  const contact = useContact(ticket.contactId);
  const messages = useTicketMessages(ticket.id);
  const c = contact.data;
  const person = useMemo(
    () => ({ givenName: c?.givenName, surname: c?.familyName, fullName: c?.givenName || c?.familyName ? null : c?.name }),
    [c],
  );
  // How our earlier replies on this case greeted the contact: a known "Szanowna Pani," beats the
  // generic plural form.
  const known = useMemo(() => {
    if (!source.policy || !messages.data) return null;
    const firstLines = messages.data
      .filter((m) => m.kind === 'message' && m.direction === 'outbound')
      .map((m) => m.bodyText.split('\n').find((l) => l.trim()) ?? '')
      .reverse();
    return addressFromEarlierGreeting(source.policy.salutation.value, { ...person, title: titleFromName(c?.name) }, firstLines);
  }, [source.policy, messages.data, person, c?.name]);
  const [prefs, setPrefs] = useAddressPrefs(ticket.contactId, contact.data?.name, known);
  const render = (policy: ServicePolicy, p: AddressPrefs) => renderSalutation(policy.salutation.value, { ...person, gender: p.gender, title: p.title });
  const ready = Boolean(source.policy) && (!ticket.contactId || Boolean(contact.data)) && !messages.isPending;
  return { policy: ready ? source.policy : null, prefs, setPrefs, render, person };
}

/** Builds the starting draft: greeting (and opening line), room to write, sign-off and name. */
function draft(r: { greeting: string; opening: string | null; signOff: string }, agentName: string, channel: string): string {
  if (MESSAGING.has(channel)) return `${r.greeting}\n`;
  return [r.greeting, r.opening, '', '', r.signOff, agentName].filter((l) => l !== null).join('\n');
}

function usePrefill({ ticket, channel }: { ticket: Ticket; channel: string }): string | null {
  const user = useCurrentUser();
  const { policy, prefs, render } = useGreeting(ticket);
  if (!policy || channel === 'phone') return null;
  return draft(render(policy, prefs), user.name, channel);
}

function useWarnings(ctx: ComposerContext): ComposerWarning[] {
  const t = useT();
  const names = useDisplayNames();
  const { policy, person, prefs, render } = useGreeting(ctx.ticket);
  const messages = useTicketMessages(ctx.ticket.id);
  const afterCall = useMemo(() => {
    const items = (messages.data ?? []).filter((m) => m.kind === 'message');
    return items.length > 0 && items[items.length - 1].channel === 'phone';
  }, [messages.data]);
  return useMemo(() => {
    if (!policy || !ctx.text.trim()) return [];
    return checkReplyAgainstPolicy(ctx.text, policy, undefined, { afterCall, contact: { givenName: person.givenName, surname: person.surname } }).map((w) => ({
      id: w.code,
      level: w.severity === 'warning' ? 'warning' : 'info',
      message: t(`culture.warn.${w.code}`, {
        ...w.params,
        register: w.params.register ? t(`culture.register.${w.params.register}`).toLowerCase() : '',
        // Show the greeting this contact should get, not the raw template.
        example: render(policy, prefs).greeting,
        expected: w.params.expected ? names.language(w.params.expected) : '',
      }),
    }));
  }, [policy, ctx.text, afterCall, person, prefs, render, t, names]);
}

const GENDERS: Gender[] = ['female', 'male', 'neutral'];
const TITLES: (TitleKey | null)[] = [null, 'dr', 'prof', 'eng'];

/** Greeting menu: pick the form of address; the choice is remembered for this contact. */
function GreetingTool(ctx: ComposerContext) {
  const t = useT();
  const { policy, prefs, setPrefs, render } = useGreeting(ctx.ticket);
  if (!policy || ctx.kind !== 'message') return null;
  // Languages without grammatical gender in the greeting (様, שלום) would list the same line three times.
  const options = GENDERS.map((gender) => ({ gender, greeting: render(policy, { ...prefs, gender }).greeting }))
    .filter((o, i, all) => all.findIndex((x) => x.greeting === o.greeting) === i);
  const known = new Set(GENDERS.flatMap((gender) => TITLES.map((title) => render(policy, { gender, title }).greeting)));
  const apply = (next: AddressPrefs) => {
    setPrefs(next);
    const greeting = render(policy, next).greeting;
    const [first, ...rest] = ctx.text.split('\n');
    ctx.setText(known.has(first ?? '') ? [greeting, ...rest].join('\n') : `${greeting}\n${ctx.text}`);
  };
  return (
    <Menu position="top-start" withinPortal>
      <Menu.Target>
        <Button size="compact-xs" variant="light" leftSection={<IconHandStop size={12} />} data-testid="culture-greeting">
          {t('culture.composer.greeting')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('culture.composer.form')}</Menu.Label>
        {options.map((o) => (
          <Menu.Item key={o.gender} onClick={() => apply({ ...prefs, gender: o.gender })} fw={prefs.gender === o.gender ? 600 : 400} data-testid={`culture-greeting-${o.gender}`}>
            <span dir="auto">{o.greeting}</span>
          </Menu.Item>
        ))}
        <Menu.Label>{t('culture.composer.title')}</Menu.Label>
        {TITLES.map((title) => (
          <Menu.Item key={title ?? 'none'} onClick={() => apply({ ...prefs, title })} fw={prefs.title === title ? 600 : 400}>
            {t(`culture.title.${title ?? 'none'}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

export const cultureComposerExtension: ComposerExtension = {
  id: 'culture',
  order: 20,
  usePrefill,
  useWarnings,
  toolbar: GreetingTool,
};
