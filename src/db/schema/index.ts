// Every capability's tables, one export line each; drizzle-kit reads this file.
export * from '../../users/schema.js';
export * from '../../customers/schema.js';
export * from '../../tickets/schema.js';
export * from './platform.js';
export * from '../../calendars/schema.js';
export * from '../../sla/schema.js';
export * from '../../patience/schema.js';
export * from '../../handoffs/schema.js';
export * from '../../notifications/schema.js';
export * from '../../channels/schema.js';
export * from '../../culture/schema.js';
