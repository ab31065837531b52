/** The public surface of `jobs-admin`: what the composition root lists. */
export { JOB_PURGE_JOB, jobRetentionDays, jobsAdminCapability } from './capability.js';
