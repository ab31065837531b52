/**
 * Per-customer culture endpoints: a contact's effective policy (country → organisation →
 * contact → observed, each step shown) and the admin overrides of organisations and contacts.
 */
import { z } from 'zod';
import { getContact, getOrganisation } from '../customers/index.js';
import { requireActor } from '../http/index.js';
import type { App } from '../http/index.js';
import { notFound, problem } from '../errors/index.js';
import { idSchema } from '../http/index.js';
import { authorize } from '../policies/index.js';
import { contactPolicy } from './contact-policy.js';
import { isPolicyField, validateOverride } from './overrides.js';
import { effectivePolicySchema, overrideBody, overrideSchema } from './schemas.js';
import { deleteOverride, setOverride } from './commands.js';
import { listOverrides, type OverrideScope } from './store.js';
import { POLICY_FIELDS, type PolicyFieldName } from './types.js';

function policyFieldParam(raw: string): PolicyFieldName {
  if (isPolicyField(raw)) return raw;
  const message = `"${raw}" is not a policy field; fields: ${POLICY_FIELDS.join(', ')}.`;
  throw problem(400, message, { errors: [{ path: 'params.field', message }] });
}

const scopes: { scope: OverrideScope; path: string; label: string }[] = [
  { scope: 'organisation', path: 'organisations', label: 'Organisation' },
  { scope: 'contact', path: 'contacts', label: 'Contact' },
];

/** Registers the contact policy and the override endpoints for organisations and contacts. */
export default async function registerOverrideRoutes(app: App) {
  const { db } = app.ctx;
  const tags = ['culture'];

  app.get('/api/v1/contacts/:id/policy', {
    schema: {
      tags, summary: "A contact's effective service policy: country → organisation → contact → observed, each step shown",
      params: z.object({ id: idSchema }), response: { 200: effectivePolicySchema },
    },
  }, async (request) => {
    authorize(requireActor(request), 'read', 'culture');
    const result = await contactPolicy(db, request.params.id);
    if (!result) throw notFound('Contact', request.params.id);
    const { observed } = result.evidence;
    return {
      contactId: result.contact.id,
      country: result.country,
      countryName: result.profile.name,
      policy: result.policy,
      steps: result.steps,
      origins: result.origins,
      observed: { contacts: result.evidence.contacts, cases: result.evidence.cases, ...observed, channelCounts: observed.channelCounts as Record<string, number> },
      overrides: result.overrides,
    };
  });

  for (const { scope, path, label } of scopes) {
    const exists = async (id: string) => (scope === 'organisation' ? getOrganisation(db, id) : getContact(db, id));
    const params = z.object({ id: idSchema });
    const fieldParams = params.extend({ field: z.string().max(40) });

    app.get(`/api/v1/${path}/:id/culture-overrides`, {
      schema: { tags, summary: `Culture policy overrides of one ${scope}`, params, response: { 200: z.object({ items: z.array(overrideSchema), nextCursor: z.null() }) } },
    }, async (request) => {
      authorize(requireActor(request), 'read', 'culture');
      if (!(await exists(request.params.id))) throw notFound(label, request.params.id);
      // At most one row per policy field, so the whole list is one page.
      return { items: await listOverrides(db, scope, request.params.id), nextCursor: null };
    });

    app.put(`/api/v1/${path}/:id/culture-overrides/:field`, {
      schema: { tags, summary: `Override one policy field for a ${scope} (admins), with a reason`, params: fieldParams, body: overrideBody, response: { 200: overrideSchema } },
    }, async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'override', 'culture');
      const field = policyFieldParam(request.params.field);
      if (!(await exists(request.params.id))) throw notFound(label, request.params.id);
      const checked = validateOverride(field, request.body);
      if (!checked.ok) throw problem(400, `The override of ${field} is not valid.`, { errors: checked.errors.map((e) => ({ ...e, path: `body.${e.path}` })) });
      await setOverride(db, { scope, scopeId: request.params.id, field, value: checked.value, reason: checked.reason, actorUserId: actor.userId });
      const saved = (await listOverrides(db, scope, request.params.id)).find((o) => o.field === field);
      return saved!;
    });

    app.delete(`/api/v1/${path}/:id/culture-overrides/:field`, {
      schema: { tags, summary: `Remove a ${scope}'s override of one policy field (admins)`, params: fieldParams, response: { 204: z.null() } },
    }, async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'override', 'culture');
      const field = policyFieldParam(request.params.field);
      if (!(await deleteOverride(db, { scope, scopeId: request.params.id, field, actorUserId: actor.userId }))) {
        throw problem(404, `${label} ${request.params.id} has no override of ${field}.`);
      }
      return reply.status(204).send(null);
    });
  }
}
