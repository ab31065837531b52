/** The public surface of `jobs-admin`: its retention setting and purge job's name. */
export { JOB_PURGE_JOB, jobRetentionDays } from './retention.js';
