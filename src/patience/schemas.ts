/** Response schemas of the patience routes (named for the OpenAPI document). */
import { z } from 'zod';
import { permissionsSchema } from '../policies/index.js';
import { messageSchema } from '../tickets/index.js';
import { PATIENCE_REASONS } from './patience-score.js';
import { REMEDY_ACTIONS } from './remedy.js';

export const promiseSchema = z
  .object({
    id: z.string(), ticketId: z.string(), dueAt: z.string(), channel: z.string(), note: z.string().nullable(), createdAt: z.string(), createdByUserId: z.string().nullable(),
    state: z.enum(['open', 'due_soon', 'kept', 'broken', 'cancelled']), remindAt: z.string(), fulfilledAt: z.string().nullable(), onPromisedChannel: z.boolean().nullable(),
    permissions: permissionsSchema('promise', ['cancel']),
  })
  .meta({ id: 'FollowUpPromise' });

export const patienceSchema = z
  .object({
    ticketId: z.string(),
    score: z.number().meta({ description: '100 = all patience left, 0 = none' }),
    level: z.enum(['good', 'strained', 'low', 'exhausted']),
    reasons: z.array(z.object({ code: z.enum(PATIENCE_REASONS), points: z.number(), values: z.record(z.string(), z.number()) })),
    remedy: z.object({
      level: z.number(),
      goodwill: z.enum(['none', 'small', 'medium', 'large']),
      steps: z.array(z.object({ action: z.enum(REMEDY_ACTIONS), because: z.array(z.enum(PATIENCE_REASONS)) })),
    }),
    facts: z.object({
      customerContacts: z.number(), expectedContacts: z.number(), expectedContactsSource: z.enum(['customer', 'country', 'default']), contactsByChannel: z.record(z.string(), z.number()),
      firstContactAt: z.string(), waitingSince: z.string().nullable(), reopenings: z.number(), transfers: z.number(),
      pingPongs: z.array(z.object({ at: z.string(), kind: z.enum(['user', 'team']), ownerId: z.string(), fromId: z.string(), leftAt: z.string() })),
      brokenPromises: z.number(), slaBreaches: z.number(),
      previousOwners: z.object({ userIds: z.array(z.string()), teamIds: z.array(z.string()) }).meta({ description: 'Everyone and every team that has owned the case: sending it back to one of them is ping-pong' }),
    }),
  })
  .meta({ id: 'Patience' });

export const timelineSchema = z
  .object({
    ticket: z.object({ id: z.string(), number: z.number(), subject: z.string(), status: z.string(), priority: z.string(), createdAt: z.string(), updatedAt: z.string() }),
    owner: z.object({ name: z.string().nullable(), team: z.string().nullable() }),
    nextUpdate: z.object({ dueAt: z.string(), source: z.enum(['promise', 'sla']), channel: z.string().nullable() }).nullable(),
    promises: z.array(z.object({ id: z.string(), dueAt: z.string(), channel: z.string(), state: z.string(), createdAt: z.string() })),
    entries: z.array(messageSchema),
  })
  .meta({ id: 'CustomerTimeline' });
