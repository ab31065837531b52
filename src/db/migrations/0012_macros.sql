CREATE TABLE "macros" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"scope" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"team_id" uuid,
	"variants" jsonb NOT NULL,
	"actions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "macros_scope_title_idx" ON "macros" USING btree ("scope","title","id");--> statement-breakpoint
CREATE INDEX "macros_owner_title_idx" ON "macros" USING btree ("owner_user_id","title","id");