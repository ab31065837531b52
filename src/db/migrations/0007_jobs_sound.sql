DROP INDEX "jobs_due_idx";--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "state" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "claim_token" uuid;--> statement-breakpoint
-- Backfill the state of existing rows from what the old queue left. A job killed for want of a
-- handler goes back to pending (a node that knows its type will run it); a finished job whose
-- last attempt ended with an error was dead; a job cancelled by its dedupe key said so.
UPDATE "jobs" SET
  "state" = CASE
    WHEN "last_error" LIKE 'no handler for job type %' THEN 'pending'
    WHEN "done_at" IS NULL THEN 'pending'
    WHEN "last_error" = 'cancelled' THEN 'cancelled'
    WHEN "last_error" IS NOT NULL AND "attempts" >= "max_attempts" THEN 'failed'
    ELSE 'done'
  END,
  "done_at" = CASE WHEN "last_error" LIKE 'no handler for job type %' THEN NULL ELSE "done_at" END,
  "attempts" = CASE WHEN "last_error" LIKE 'no handler for job type %' THEN 0 ELSE "attempts" END,
  "locked_until" = NULL;--> statement-breakpoint
CREATE INDEX "jobs_pending_idx" ON "jobs" USING btree ("run_at") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "jobs_lease_idx" ON "jobs" USING btree ("locked_until") WHERE state = 'running';--> statement-breakpoint
CREATE INDEX "jobs_state_idx" ON "jobs" USING btree ("state","id");--> statement-breakpoint
CREATE INDEX "jobs_finished_idx" ON "jobs" USING btree ("done_at") WHERE state in ('done', 'cancelled');