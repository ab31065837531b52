/**
 * Country culture endpoints: the list of countries, a country's profile with its sources, its
 * default service policy, and managers' edits of curated fields. Overrides and the per-contact
 * effective policy are in `override-routes.ts`, registered from here.
 */
import { z } from 'zod';
import { requireActor } from '../http/index.js';
import type { App } from '../http/index.js';
import { decodeCursor, encodeCursor, paginationQuery } from '../http/index.js';
import { problem } from '../errors/index.js';
import { authorize } from '../policies/index.js';
import { countriesWithData, countryProfile, summarise, type CountrySummary } from './catalog.js';
import { checkCountryCode } from './country-code.js';
import { ISO_COUNTRY_CODES } from './data/iso-countries.js';
import { SOURCES } from './data/sources.js';
import { CURATED_FIELDS, isCuratedField, validateCuratedValue, type CuratedField } from './edits.js';
import registerOverrideRoutes from './override-routes.js';
import { deriveServicePolicy } from './policy.js';
import {
  countryDetailSchema, countryEditBody, countryPolicyAnswerSchema, countrySummarySchema, iso2Params,
} from './schemas.js';
import { deleteCountryEdit, setCountryEdit } from './commands.js';
import { listCountryEdits, toCuratedEdits, type StoredEdit } from './store.js';
import type { CountryProfile } from './types.js';

/** A path's country code, or the problem to answer: 400 when malformed, 404 when no country has it. */
export function countryParam(raw: string): string {
  const check = checkCountryCode(raw);
  if (check.ok) return check.code;
  if (check.reason === 'malformed') throw problem(400, check.message, { errors: [{ path: 'params.iso2', message: check.message }] });
  throw problem(404, check.message);
}

function curatedFieldParam(raw: string): CuratedField {
  if (isCuratedField(raw)) return raw;
  const message = `"${raw}" is not an editable field; editable: ${CURATED_FIELDS.join(', ')}.`;
  throw problem(400, message, { errors: [{ path: 'params.field', message }] });
}

const ATTRIBUTION = [
  SOURCES['hofstede-2015'].attribution,
  'Holiday data: date-holidays (CC-BY-3.0). Week data, languages and name order: Unicode CLDR (Unicode-3.0). Politeness distinctions: WALS 45A (CC-BY-4.0).',
].join(' ');

/** Every source a profile cites, for the detail answer. */
function sourcesOf(profile: CountryProfile) {
  const ids = new Set<string>();
  const visit = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    if ('sources' in v && Array.isArray((v as { sources: unknown }).sources)) for (const s of (v as { sources: string[] }).sources) ids.add(s);
    for (const child of Object.values(v)) visit(child);
  };
  visit(profile);
  return [...ids].filter((id) => SOURCES[id]).map((id) => SOURCES[id]);
}

function detail(profile: CountryProfile, edits: StoredEdit[]) {
  return { profile, sources: sourcesOf(profile), edits, editableFields: CURATED_FIELDS, attribution: ATTRIBUTION };
}

const listQuery = z.object({
  ...paginationQuery,
  q: z.string().max(100).optional(),
  coverage: z.enum(['measured', 'proxy', 'curated', 'default']).optional(),
  all: z.enum(['true', 'false']).optional().describe('true: every ISO country, including those answered by the global default'),
});

/** Culture routes: countries, profiles, policies, curated edits; then overrides and contact policies. */
export default async function cultureRoutes(app: App) {
  const { db } = app.ctx;
  const tags = ['culture'];

  app.get('/api/v1/culture/countries', {
    schema: { tags, summary: 'Countries with culture profiles', querystring: listQuery, response: { 200: z.object({ items: z.array(countrySummarySchema), nextCursor: z.string().nullable() }) } },
  }, async (request) => {
    authorize(requireActor(request), 'read', 'culture');
    const { limit, cursor, q, coverage, all } = request.query;
    const after = decodeCursor(cursor, 1)?.[0] as string | undefined;
    const codes = all === 'true' ? [...ISO_COUNTRY_CODES].sort() : countriesWithData();
    const editsByCountry = new Map<string, StoredEdit[]>();
    for (const e of await listCountryEdits(db)) editsByCountry.set(e.country, [...(editsByCountry.get(e.country) ?? []), e]);
    const needle = q?.trim().toLowerCase();
    const items: CountrySummary[] = [];
    for (const code of codes) {
      if (after && code <= after) continue;
      const profile = countryProfile(code, { edits: toCuratedEdits(editsByCountry.get(code) ?? []), holidays: false });
      if (needle && !code.toLowerCase().includes(needle) && !profile.name.toLowerCase().includes(needle)) continue;
      const summary = summarise(profile, deriveServicePolicy(profile));
      if (coverage && summary.coverage !== coverage) continue;
      items.push(summary);
      if (items.length > limit) break;
    }
    const more = items.length > limit;
    const page = more ? items.slice(0, limit) : items;
    return { items: page, nextCursor: more ? encodeCursor([page[page.length - 1].code]) : null };
  });

  app.get('/api/v1/culture/countries/:iso2', {
    schema: { tags, summary: "A country's culture profile, every field with its source", params: iso2Params, response: { 200: countryDetailSchema } },
  }, async (request) => {
    authorize(requireActor(request), 'read', 'culture');
    const code = countryParam(request.params.iso2);
    const edits = await listCountryEdits(db, code);
    return detail(countryProfile(code, { edits: toCuratedEdits(edits) }), edits);
  });

  app.get('/api/v1/culture/countries/:iso2/policy', {
    schema: { tags, summary: "A country's default service policy, each field explained", params: iso2Params, response: { 200: countryPolicyAnswerSchema } },
  }, async (request) => {
    authorize(requireActor(request), 'read', 'culture');
    const code = countryParam(request.params.iso2);
    const profile = countryProfile(code, { edits: toCuratedEdits(await listCountryEdits(db, code)) });
    return { country: code, name: profile.name, isDefault: profile.isDefault, missing: profile.missing, policy: deriveServicePolicy(profile) };
  });

  app.put('/api/v1/culture/countries/:iso2/fields/:field', {
    schema: {
      tags, summary: 'Edit a curated field of a country (managers)', params: iso2Params.extend({ field: z.string().max(40) }), body: countryEditBody,
      response: { 200: countryDetailSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'edit', 'culture');
    const code = countryParam(request.params.iso2);
    const field = curatedFieldParam(request.params.field);
    const checked = validateCuratedValue(field, request.body.value);
    if (!checked.ok) throw problem(400, `The value is not a valid ${field}.`, { errors: checked.errors.map((e) => ({ ...e, path: `body.${e.path}` })) });
    await setCountryEdit(db, { country: code, field, value: checked.value, note: request.body.note?.trim() || null, actorUserId: actor.userId });
    const edits = await listCountryEdits(db, code);
    return detail(countryProfile(code, { edits: toCuratedEdits(edits) }), edits);
  });

  app.delete('/api/v1/culture/countries/:iso2/fields/:field', {
    schema: { tags, summary: 'Revert a curated field to the shipped data (managers)', params: iso2Params.extend({ field: z.string().max(40) }), response: { 200: countryDetailSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'edit', 'culture');
    const code = countryParam(request.params.iso2);
    const field = curatedFieldParam(request.params.field);
    if (!(await deleteCountryEdit(db, { country: code, field, actorUserId: actor.userId }))) throw problem(404, `${field} of ${code} has not been edited.`);
    const edits = await listCountryEdits(db, code);
    return detail(countryProfile(code, { edits: toCuratedEdits(edits) }), edits);
  });

  await registerOverrideRoutes(app);
}
