DROP INDEX "tickets_updated_idx";--> statement-breakpoint
DROP INDEX "tickets_created_idx";--> statement-breakpoint
DROP INDEX "tickets_open_updated_idx";--> statement-breakpoint
DROP INDEX "tickets_open_priority_idx";--> statement-breakpoint
DROP INDEX "tickets_open_assignee_idx";--> statement-breakpoint
DROP INDEX "tickets_open_team_idx";--> statement-breakpoint
DROP INDEX "tickets_organisation_idx";--> statement-breakpoint
DROP INDEX "tickets_contact_idx";--> statement-breakpoint
CREATE INDEX "tickets_updated_idx" ON "tickets" USING btree ("updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tickets_created_idx" ON "tickets" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tickets_open_updated_idx" ON "tickets" USING btree ("updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status in ('new','open','pending','on_hold') and merged_into_id is null;--> statement-breakpoint
CREATE INDEX "tickets_open_priority_idx" ON "tickets" USING btree ("priority_rank" DESC NULLS FIRST,"updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status in ('new','open','pending','on_hold') and merged_into_id is null;--> statement-breakpoint
CREATE INDEX "tickets_open_assignee_idx" ON "tickets" USING btree ("assignee_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status in ('new','open','pending','on_hold') and merged_into_id is null;--> statement-breakpoint
CREATE INDEX "tickets_open_team_idx" ON "tickets" USING btree ("team_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status in ('new','open','pending','on_hold') and merged_into_id is null;--> statement-breakpoint
CREATE INDEX "tickets_organisation_idx" ON "tickets" USING btree ("organisation_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tickets_contact_idx" ON "tickets" USING btree ("contact_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);