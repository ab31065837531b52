// The customer facts the SLA needs come from the customers capability's exported lookups.
export { calendarUsedByContracts, coveringContract, siteFacts, type ContractFacts, type SiteFacts } from '../customers/index.js';
