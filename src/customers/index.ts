/**
 * The public surface of `customers`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { calendarUsedByContracts, coveringContract, siteFacts, type ContractFacts, type SiteFacts } from './contract-lookups.js';
export { assets, contacts, contracts, organisations, sites } from './schema.js';
export { createContact } from './commands.js';
export { contactNames, findContactByEmail, findContactByPhone, getContact, getOrganisation, organisationByDomain, organisationNames, type ContactRow } from './store.js';
