/**
 * A macro rendered for one ticket: which variant (and why), its text with the placeholders filled
 * in the contact's culture — name as the greeting addresses them, the promise's due time in their
 * language and zone — and the promise's due time itself for `apply`.
 */
import { addBusinessMinutes, countryCalendar, resolveCalendar } from '../calendars/index.js';
import { addressForm, buildSalutation, contactPolicy, titleFromName, type Gender, type Register, type TitleKey } from '../culture/index.js';
import type { DbOrTx } from '../db/index.js';
import type { TicketRow } from '../tickets/index.js';
import type { MacroRow } from './schema.js';
import { renderBody, type PlaceholderValues } from './template.js';
import { chooseVariant, type Register as MacroRegister, type VariantReason } from './variant.js';

// The macro's registers are the culture's: this fails to compile if the two ever drift apart.
const sameRegisters: [Register, MacroRegister] extends [MacroRegister, Register] ? true : never = true;
void sameRegisters;

export interface AddressChoice {
  gender?: Gender;
  title?: TitleKey | null;
}

export interface RenderedMacro {
  variantIndex: number | null;
  language: string | null;
  register: Register | null;
  reason: VariantReason | null;
  /** What the ticket asked for: the language and register the choice was made against. */
  wanted: { language: string | null; register: Register; organisationLanguage: string | null };
  text: string;
  missing: string[];
  promiseDueAt: Date | null;
}

const HOUR_MS = 3_600_000;

/** When a promise made now, due in `hours` business hours on the contact's country calendar, falls due. */
async function promiseDue(db: DbOrTx, hours: number, country: string | null, timeZone: string, now: Date): Promise<Date> {
  const view = country ? await countryCalendar(db, country, timeZone) : null;
  if (!view) return new Date(now.getTime() + hours * HOUR_MS);
  return addBusinessMinutes(resolveCalendar(view.definition), now, hours * 60);
}

/** Renders `macro` for `ticket` as `agentName` would send it now. */
export async function renderMacro(
  db: DbOrTx,
  macro: MacroRow,
  ticket: TicketRow,
  agentName: string,
  options: { address?: AddressChoice; now?: Date } = {},
): Promise<RenderedMacro> {
  const now = options.now ?? new Date();
  const resolved = ticket.contactId ? await contactPolicy(db, ticket.contactId) : null;
  const register: Register = resolved?.policy.register.value ?? 'formal';
  const language = ticket.language ?? resolved?.contact.languages[0] ?? resolved?.policy.salutation.value.language ?? null;
  const organisationLanguage = resolved?.profile.languages.value[0] ?? null;
  const wanted = { language, register, organisationLanguage };
  const choice = chooseVariant(macro.variants, wanted);
  const zone = resolved?.contact.timeZone ?? resolved?.policy.contactHours.value.timeZone ?? 'UTC';
  const hours = macro.actions.promiseInBusinessHours;
  const promiseDueAt = hours ? await promiseDue(db, hours, resolved?.country ?? null, zone, now) : null;
  if (!choice) return { variantIndex: null, language: null, register: null, reason: null, wanted, text: '', missing: [], promiseDueAt };

  const values: PlaceholderValues = { 'ticket.number': `#${ticket.number}`, 'agent.name': agentName };
  if (resolved) {
    const c = resolved.contact;
    // The greeting in the variant's own language and register, so the name matches the text around it.
    const salutation = buildSalutation(choice.variant.language, choice.variant.register, resolved.policy.salutation.value.nameOverride);
    const person = c.givenName || c.familyName ? { givenName: c.givenName, surname: c.familyName } : { fullName: c.name };
    values['contact.name'] = c.erasedAt ? null : addressForm(salutation, {
      ...person, gender: options.address?.gender ?? 'neutral', title: options.address?.title === undefined ? titleFromName(c.name) : options.address.title,
    });
  }
  if (promiseDueAt) {
    values['promise.due'] = new Intl.DateTimeFormat(choice.variant.language, {
      weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: zone, timeZoneName: 'short',
    }).format(promiseDueAt);
  }
  const { text, missing } = renderBody(choice.variant.body, values);
  return { variantIndex: choice.index, language: choice.variant.language, register: choice.variant.register, reason: choice.reason, wanted, text, missing, promiseDueAt };
}
