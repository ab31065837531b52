/**
 * The public surface of `channels`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { startSmtpFromMain } from './email/listener.js';
