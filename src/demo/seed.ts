import { DateTime } from 'luxon';
import { assets, contacts, contracts, organisations, sites } from '../customers/index.js';
import { newId } from '../db/index.js';
import type { AppContext } from '../http/index.js';
import { addMessage, createTicket, updateTicket, type CommandContext } from '../tickets/index.js';
import type { TicketPriority, TicketStatus } from '../tickets/index.js';
import { createTeam, createUser } from '../users/index.js';
import { demoAgents, demoIssues, demoIssuesByOrganisation, demoOrganisations, demoReplies, demoTeams } from './data.js';

export const demoPassword = 'demo1234';

/** The demo sign-ins printed at start-up and listed in the README. */
export const demoSignIns = [
  ...demoAgents.map((a) => ({ role: a.role, email: a.email })),
  { role: 'customer', email: 'yuki.tanaka@tanaka-seimitsu.example' },
  { role: 'customer', email: 'noa@galil-medical.example' },
];

/** Fills a demo text with the contact's own name, so a Polish message is signed by whoever sent it. */
function personalise(text: string, person: { name: string; givenName: string; familyName: string }, language: string): string {
  const female = /a$/.test(person.givenName) && language === 'pl';
  const salutation = language === 'de'
    ? `Sehr geehrte${person.name.startsWith('Dr.') ? ' Frau Dr.' : 'r Herr'} ${person.familyName},`
    : language === 'pl' ? (female ? 'Szanowna Pani,' : 'Szanowny Panie,') : `Dear ${person.givenName},`;
  return text.replaceAll('{name}', person.name).replaceAll('{given}', person.givenName).replaceAll('{family}', person.familyName).replaceAll('{salutation}', salutation);
}

/** A copy of a list in a random order (Fisher–Yates), from the demo's seeded random numbers. */
function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface DemoSummary {
  organisations: number;
  contacts: number;
  tickets: number;
  messages: number;
}

/** A small deterministic PRNG, so every fresh demo has the same tickets (handy in screenshots and bug reports). */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Loads realistic demo data: twelve customer organisations across four continents with contacts,
 * sites, contracts and assets, the support teams, and a few hundred tickets with conversations
 * on the channels each market uses. Goes through the ticket commands so every capability's hooks
 * (SLA clocks, audit) see the demo tickets as they would real ones.
 */
export async function seedDemo(ctx: AppContext, options: { ticketsPerOrganisation?: number; now?: Date } = {}): Promise<DemoSummary> {
  const { db } = ctx;
  const random = prng(20261123);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const now = DateTime.fromJSDate(options.now ?? new Date());
  const perOrg = options.ticketsPerOrganisation ?? 25;

  const teamIds = new Map<string, string>();
  for (const t of demoTeams) teamIds.set(t.name, (await createTeam(db, t)).id);
  const agentIds = new Map<string, string[]>();
  for (const a of demoAgents) {
    const user = await createUser(db, {
      email: a.email, name: a.name, role: a.role, password: demoPassword, languages: a.languages, timeZone: a.timeZone,
      seniority: a.seniority, skills: a.skills, teamIds: [teamIds.get(a.team)!],
    });
    if (a.role === 'agent' || a.role === 'manager' || a.role === 'admin') agentIds.set(a.team, [...(agentIds.get(a.team) ?? []), user.id]);
  }

  let contactCount = 0;
  let ticketCount = 0;
  let messageCount = 0;
  for (const org of demoOrganisations) {
    const organisationId = newId();
    await db.insert(organisations).values({ id: organisationId, name: org.name, domains: [org.domain], country: org.country, industry: org.industry });
    const siteId = newId();
    await db.insert(sites).values({ id: siteId, organisationId, name: `${org.city} plant`, address: org.address, city: org.city, country: org.country, timeZone: org.timeZone });
    const assetIds: string[] = [];
    for (const a of org.assets) {
      const id = newId();
      assetIds.push(id);
      await db.insert(assets).values({
        id, organisationId, siteId, model: a.model, serial: a.serial,
        installedOn: now.minus({ years: 2, days: Math.floor(random() * 300) }).toISODate()!, warrantyEndsOn: now.plus({ days: Math.floor(random() * 700) - 200 }).toISODate()!,
      });
    }
    await db.insert(contracts).values({
      id: newId(), organisationId, name: `${org.tier[0].toUpperCase()}${org.tier.slice(1)} service agreement`, slaTier: org.tier, coverage: org.coverage,
      siteIds: [siteId], assetIds, startsOn: now.minus({ years: 1 }).startOf('year').toISODate()!, endsOn: now.plus({ years: 1 }).endOf('year').toISODate()!,
    });
    const contactIds: string[] = [];
    for (const person of org.contacts) {
      const id = newId();
      contactIds.push(id);
      contactCount++;
      await db.insert(contacts).values({
        id, organisationId, siteId, name: person.name, givenName: person.givenName, familyName: person.familyName, country: org.country,
        languages: person.languages, timeZone: org.timeZone, preferredChannel: person.preferredChannel, phones: [person.phone], emails: [person.email],
        jobTitle: person.jobTitle, seniority: person.seniority,
      });
    }
    // A portal sign-in for two customers, to show what a customer sees (and cannot see).
    if (org.key === 'tanaka' || org.key === 'galil') {
      await createUser(db, {
        email: org.contacts[0].email, name: org.contacts[0].name, role: 'customer', password: demoPassword, organisationId, contactId: contactIds[0],
        languages: org.contacts[0].languages, timeZone: org.timeZone, locale: org.key === 'galil' ? 'he' : 'en',
      });
    }

    const issues = demoIssuesByOrganisation[org.key] ?? demoIssues[org.language] ?? demoIssues.en;
    const replies = demoReplies[org.language] ?? demoReplies.en;
    const team = org.team;
    for (let i = 0; i < perOrg; i++) {
      const issue = issues[i % issues.length];
      const contactIndex = Math.floor(random() * contactIds.length);
      const person = org.contacts[contactIndex];
      const channel = random() < 0.6 ? person.preferredChannel : pick(org.channels);
      // Most cases are recent (the last three days); the rest are older and mostly solved.
      const when = random();
      let opened = when < 0.65
        ? now.minus({ minutes: Math.floor((when / 0.65) * 60 * 24 * 3) + 30 })
        : now.minus({ minutes: Math.floor(60 * 24 * 6 + ((when - 0.65) / 0.35) * 60 * 24 * 39) });
      const priority: TicketPriority = pick(['low', 'normal', 'normal', 'normal', 'high', 'high', 'urgent']);
      const assigneeId = random() < 0.8 ? pick(agentIds.get(team)!) : null;
      const assetId = random() < 0.7 ? pick(assetIds) : null;
      const tags = random() < 0.3 ? ['hardware'] : random() < 0.5 ? ['follow-up'] : [];
      // Older tickets have longer conversations; recent ones may still wait for a first answer.
      // Each reply and customer answer at most once: a conversation never repeats itself.
      const age = now.diff(opened, 'hours').hours;
      const maxTurns = Math.min(5, 2 * replies.agent.length, 2 * replies.customer.length + 1);
      const turns = age < 2 ? 0 : Math.min(maxTurns, Math.floor(random() * 5) + (age > 48 ? 1 : 0));
      const agentLines = shuffled(replies.agent, random);
      const customerLines = shuffled(replies.customer, random);
      // An unassigned case is still answered by someone on its team, never by a nameless "Agent".
      const replier = assigneeId ?? pick(agentIds.get(team)!);
      const steps: { minutes: number; note: string | null }[] = [];
      let elapsed = 0;
      for (let turn = 0; turn < turns; turn++) {
        elapsed += Math.floor(random() * Math.min(600, age * 60 / (turns + 1))) + 5;
        const note = turn % 2 === 0 && random() < 0.25
          ? pick(['Checked the service history: same fault in March, fixed by replacing the sensor.', 'Customer is frustrated; escalating to the senior engineer.', 'Parts in stock in the Frankfurt warehouse.'])
          : null;
        steps.push({ minutes: elapsed, note });
      }
      const finalStatus: TicketStatus | null = age > 24 * 20 ? pick(['solved', 'closed', 'closed']) : age > 24 * 5 ? pick(['solved', 'solved', 'closed', 'pending', 'open']) : turns > 0 ? pick(['open', 'pending', 'on_hold', 'open']) : null;
      // The demo's clock: a case still open has its last word a little while ago, relative to
      // now, so its SLA clocks read as a working desk's do — most on time. About one in seven
      // stays as it was, neglected, and shows as breached.
      const active = finalStatus !== 'solved' && finalStatus !== 'closed';
      // Minutes to a few hours ago, most of them recent.
      const gap = 5 + Math.floor(random() ** 2 * 300);
      if (active && random() > 0.15) {
        const last = opened.plus({ minutes: steps.at(-1)?.minutes ?? 0 });
        const shift = now.minus({ minutes: gap }).diff(last, 'minutes').minutes;
        if (shift > 0) opened = opened.plus({ minutes: shift });
      }
      const actor: CommandContext = { db, registry: ctx.registry, actorUserId: null, actorLabel: channel };
      const { ticket } = await createTicket(actor, {
        subject: issue.subject, priority, channel, language: org.language, teamId: teamIds.get(team)!, assigneeId, contactId: contactIds[contactIndex],
        organisationId, siteId, assetId, tags,
        createdAt: opened.toJSDate(),
        message: { kind: 'message', direction: 'inbound', channel, author: { contactId: contactIds[contactIndex], name: person.name }, bodyText: personalise(issue.body, person, org.language) },
      });
      ticketCount++;
      messageCount++;
      let at = opened;
      for (const [turn, step] of steps.entries()) {
        at = opened.plus({ minutes: step.minutes });
        if (at > now) break;
        const agentTurn = turn % 2 === 0;
        if (step.note) {
          await addMessage({ db, registry: ctx.registry, actorUserId: replier }, ticket.id, {
            kind: 'note', direction: 'internal', channel: 'internal', author: { userId: replier }, createdAt: at.toJSDate(), bodyText: step.note,
          });
          messageCount++;
        }
        await addMessage({ db, registry: ctx.registry, actorUserId: agentTurn ? replier : null }, ticket.id, {
          kind: 'message', direction: agentTurn ? 'outbound' : 'inbound', channel, createdAt: at.toJSDate(),
          author: agentTurn ? { userId: replier } : { contactId: contactIds[contactIndex], name: person.name },
          bodyText: personalise(agentTurn ? agentLines[turn / 2]! : customerLines[(turn - 1) / 2]!, person, org.language),
        });
        messageCount++;
      }
      if (finalStatus) {
        const statusAt = DateTime.min(at.plus({ minutes: 10 }), now);
        await updateTicket({ db, registry: ctx.registry, actorUserId: assigneeId }, ticket.id, { status: finalStatus }, { at: statusAt.toJSDate() });
      }
    }
  }
  return { organisations: demoOrganisations.length, contacts: contactCount, tickets: ticketCount, messages: messageCount };
}
