import { sql } from 'drizzle-orm';
import type { App } from '../http/index.js';
import { assets, contacts, contracts, organisations, sites } from './schema.js';
import { registerResource } from './resource-routes.js';
import * as s from './schemas.js';

/** What `contacts_search_trgm_idx` indexes (schema.ts): the same SQL, so the planner matches it. */
const contactSearchExpression = sql`(${contacts.name} || ' ' || coalesce(${contacts.jobTitle}, ''))`;

/** Organisations, sites, contacts, contracts and installed assets: the customer 360. */
export default async function customerRoutes(app: App) {
  registerResource(app, {
    path: 'organisations', entity: 'organisation', table: organisations, sortColumn: organisations.name,
    searchColumns: [organisations.name], filters: {}, scopeColumns: {},
    input: s.organisationInput, output: s.organisationSchema, present: s.presentOrganisation, owner: (r) => ({ organisationId: r.id }),
  });
  registerResource(app, {
    path: 'sites', entity: 'site', table: sites, sortColumn: sites.name, searchColumns: [sites.name, sites.city],
    filters: { organisationId: sites.organisationId }, scopeColumns: { organisationId: sites.organisationId },
    input: s.siteInput, output: s.siteSchema, present: s.presentSite, owner: (r) => ({ organisationId: r.organisationId }),
  });
  registerResource(app, {
    path: 'contacts', entity: 'contact', table: contacts, sortColumn: contacts.name, searchColumns: [contacts.name, contacts.jobTitle], searchExpression: contactSearchExpression,
    filters: { organisationId: contacts.organisationId, siteId: contacts.siteId }, scopeColumns: { organisationId: contacts.organisationId, contactId: contacts.id },
    input: s.contactInput, output: s.contactSchema, present: s.presentContact, owner: (r) => ({ organisationId: r.organisationId, contactId: r.id }),
    prepare: (input) => ({ ...input, ...(input.emails ? { emails: input.emails.map((e) => e.trim().toLowerCase()) } : {}) }),
  });
  registerResource(app, {
    path: 'contracts', entity: 'contract', table: contracts, sortColumn: contracts.name, searchColumns: [contracts.name],
    filters: { organisationId: contracts.organisationId }, scopeColumns: { organisationId: contracts.organisationId },
    input: s.contractInput, output: s.contractSchema, present: s.presentContract, owner: (r) => ({ organisationId: r.organisationId }),
  });
  registerResource(app, {
    path: 'assets', entity: 'asset', table: assets, sortColumn: assets.serial, searchColumns: [assets.model, assets.serial],
    filters: { organisationId: assets.organisationId, siteId: assets.siteId }, scopeColumns: { organisationId: assets.organisationId },
    input: s.assetInput, output: s.assetSchema, present: s.presentAsset, owner: (r) => ({ organisationId: r.organisationId }),
  });
}
