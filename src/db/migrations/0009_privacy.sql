CREATE TABLE "privacy_processing_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"contact_id" uuid,
	"organisation_id" uuid,
	"actor_user_id" uuid,
	"actor_label" text,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "privacy_retention_policies" (
	"scope" text PRIMARY KEY NOT NULL,
	"organisation_id" uuid,
	"closed_case_months" integer,
	"raw_failure_days" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_retention_policies_organisation_id_unique" UNIQUE("organisation_id")
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "privacy_log_created_idx" ON "privacy_processing_log" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "privacy_log_contact_idx" ON "privacy_processing_log" USING btree ("contact_id","created_at");--> statement-breakpoint
CREATE INDEX "tickets_closed_idx" ON "tickets" USING btree ("closed_at") WHERE status = 'closed';