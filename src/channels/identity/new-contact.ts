/** Creating a contact for someone who writes in for the first time, through the customers capability. */
import { createContact, organisationByDomain } from '../../customers/index.js';
import type { DbOrTx } from '../../db/index.js';

export interface NewContactInput {
  name: string;
  email?: string | null;
  phone?: string | null;
  country?: string | null;
  language?: string | null;
  preferredChannel?: string | null;
  /** Who is creating it, for the audit trail ("email", "whatsapp" …). */
  via: string;
}

/** Free-mail domains never identify an organisation, even if someone listed one by mistake. */
const FREE_MAIL = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'me.com', 'gmx.de', 'gmx.net', 'web.de', 'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl', 'yandex.ru', 'mail.ru', 'qq.com', '163.com', 'proton.me', 'protonmail.com']);

/**
 * The organisation whose registered domains include the sender's email domain, so a new
 * person from a known customer lands on the company's record (and its contract and SLA).
 */
export async function organisationForEmail(db: DbOrTx, email: string): Promise<string | null> {
  const domain = email.split('@')[1]?.toLowerCase();
  if (!domain || FREE_MAIL.has(domain)) return null;
  return organisationByDomain(db, domain);
}

/** Inserts the contact (audited) and returns its id. */
export async function createContactFromChannel(db: DbOrTx, input: NewContactInput): Promise<{ id: string; organisationId: string | null }> {
  const email = input.email?.trim().toLowerCase() || null;
  const organisationId = email ? await organisationForEmail(db, email) : null;
  const contact = await createContact(
    db,
    {
      organisationId,
      name: input.name.trim().slice(0, 300) || email || input.phone || 'Unknown',
      country: input.country ?? null,
      languages: input.language ? [input.language] : [],
      preferredChannel: input.preferredChannel ?? null,
      emails: email ? [email] : [],
      phones: input.phone ? [input.phone] : [],
    },
    { label: input.via },
  );
  const id = contact.id;
  return { id, organisationId };
}
