/**
 * Demo data for data protection, made with the real commands so the processing log shows real
 * entries: retention policies (a default and a stricter German one), an export of Yuki Tanaka's
 * data by Ada, and a former customer who asked to be forgotten and was erased.
 */
import { DateTime } from 'luxon';
import { createContact, findContactByEmail, organisationByDomain } from '../customers/index.js';
import type { AppContext } from '../http/index.js';
import { eraseContact, exportContact, gatherSubject, requestErasure, runRetention, setRetentionPolicy } from '../privacy/index.js';
import { addMessage, createTicket, updateTicket } from '../tickets/index.js';
import { findUserByEmail } from '../users/index.js';

export async function seedPrivacyDemo(ctx: AppContext, now = new Date()): Promise<void> {
  const ada = await findUserByEmail(ctx.db, 'ada@rapport.example');
  const actor = { db: ctx.db, registry: ctx.registry, actorUserId: ada?.id ?? null, actorLabel: ada?.name ?? null };
  await setRetentionPolicy(actor, null, { closedCaseMonths: 36, rawFailureDays: 90 });
  const kessler = await organisationByDomain(ctx.db, 'kessler-mb.example');
  // German customers' works councils often ask for shorter retention than the default.
  if (kessler) await setRetentionPolicy(actor, kessler, { closedCaseMonths: 12 });

  const yuki = await findContactByEmail(ctx.db, 'yuki.tanaka@tanaka-seimitsu.example');
  const yukiSubject = yuki ? await gatherSubject(ctx.db, ctx.registry, yuki.id) : null;
  if (yukiSubject) await exportContact(actor, yukiSubject);

  // A former contact at the Polish logistics firm asked to be forgotten after leaving the company.
  const wisniewski = await organisationByDomain(ctx.db, 'wisniewski-log.example');
  const former = await createContact(ctx.db, {
    name: 'Jan Kowalczyk', givenName: 'Jan', familyName: 'Kowalczyk', organisationId: wisniewski, country: 'PL', languages: ['pl'],
    emails: ['jan.kowalczyk@wisniewski-log.example'], phones: ['+48601234987'], jobTitle: 'Kierownik magazynu',
  }, { userId: ada?.id ?? null });
  const opened = DateTime.fromJSDate(now).minus({ days: 40 });
  const { ticket } = await createTicket({ db: ctx.db, registry: ctx.registry, actorUserId: null }, {
    subject: 'Skaner w magazynie nie łączy się z siecią', channel: 'email', language: 'pl', contactId: former.id, organisationId: wisniewski, createdAt: opened.toJSDate(),
    message: { kind: 'message', direction: 'inbound', author: { contactId: former.id, name: former.name }, createdAt: opened.toJSDate(), bodyText: 'Szanowni Państwo,\nskaner nie łączy się z siecią od wczoraj.\nZ poważaniem,\nJan Kowalczyk\ntel. +48 601 234 987' },
  });
  await addMessage({ db: ctx.db, registry: ctx.registry, actorUserId: ada?.id ?? null }, ticket.id, {
    kind: 'message', direction: 'outbound', channel: 'email', author: { userId: ada?.id ?? null }, createdAt: opened.plus({ hours: 3 }).toJSDate(),
    bodyText: 'Szanowny Panie,\nproszę o zrestartowanie punktu dostępowego. Jeśli to nie pomoże, przyślemy technika.\nZ poważaniem,\nAda',
  });
  await updateTicket({ db: ctx.db, registry: ctx.registry, actorUserId: ada?.id ?? null }, ticket.id, { status: 'closed' }, { at: opened.plus({ days: 2 }).toJSDate() });
  const request = await requestErasure(actor, (await gatherSubject(ctx.db, ctx.registry, former.id))!);
  await eraseContact(ctx.db, ctx.registry, request.id, former.id);

  // The hourly retention run, once now, so the log shows what it checked.
  await runRetention(ctx.db, ctx.registry, { now, logEmpty: true });
}
