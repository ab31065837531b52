/**
 * The public surface of `notifications`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { notifyUsers, ticketRecipients } from './notify.js';
export { emitWebhookEvent } from './webhooks.js';
