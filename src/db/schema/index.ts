// Every capability's tables, one export line each; drizzle-kit reads this file.
export * from './users.js';
export * from './customers.js';
export * from './tickets.js';
export * from './platform.js';
export * from './sla.js';
export * from './channels.js';
export * from './culture.js';
