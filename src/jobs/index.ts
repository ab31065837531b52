/**
 * The public surface of `jobs`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { cancelJob, enqueue, registerRecurring, JobRunner, type JobHandler } from './queue.js';
export { JOB_STATES, type JobState } from './queue.js';
export { getJob, listJobs, purgeFinishedJobs, retryFailedJob, type JobRow } from './store.js';
