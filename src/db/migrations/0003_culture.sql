CREATE TABLE "culture_country_edits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"field" text NOT NULL,
	"value" jsonb NOT NULL,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "culture_overrides" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"field" text NOT NULL,
	"value" jsonb NOT NULL,
	"reason" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "culture_country_edits_field_idx" ON "culture_country_edits" USING btree ("country","field");--> statement-breakpoint
CREATE INDEX "culture_country_edits_updated_idx" ON "culture_country_edits" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "culture_overrides_scope_field_idx" ON "culture_overrides" USING btree ("scope","scope_id","field");