/**
 * The public surface of `tickets`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { addMessage, createTicket, inOneTransaction, linkTickets, type AttachmentInput, type CommandContext, updateTicket } from './commands.js';
export { inboundContactsPerCase, recentInboundContacts } from './contact-activity.js';
export { routeNewTicket, ticketHooks, ticketRouters, type NewTicketFacts, type TicketChange, type TicketRouter } from './hooks.js';
export { messageSchema, presentMessages, presentTicket, ticketSchema } from './presenters.js';
export { type TicketPriority, type TicketStatus } from './status.js';
export { attachmentsOf, getAttachment, getTicket, getTicketByNumber, listMessages, listTickets, type MessageRow, type TicketRow } from './store.js';
export { presentCustomerMessages } from './presenters.js';
