CREATE TABLE "agent_notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"ticket_id" uuid,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calendars" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"country" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_promises" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"created_by_user_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kept_at" timestamp with time zone,
	"broken_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "handoffs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_user_id" uuid,
	"from_team_id" uuid,
	"to_user_id" uuid,
	"to_team_id" uuid,
	"summary" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbound_webhooks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"events" text[] DEFAULT '{}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_alerts_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"tier" text,
	"priority" text,
	"first_response_minutes" integer,
	"next_update_minutes" integer,
	"resolution_minutes" integer,
	"warning_percent" integer DEFAULT 80 NOT NULL,
	"pause_on_hold" boolean DEFAULT false NOT NULL,
	"calendar_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_shifts" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"calendar_id" uuid NOT NULL,
	"rotation" integer DEFAULT 0 NOT NULL,
	"handoff_priorities" text[] DEFAULT '{"urgent"}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_sla_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"status" text,
	"assignee_id" uuid,
	"team_id" uuid
);
--> statement-breakpoint
CREATE TABLE "ticket_sla" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"policy_id" uuid,
	"policy_name" text,
	"targets" jsonb,
	"calendar" jsonb,
	"calendar_source" text,
	"state" text,
	"metric" text,
	"due_at" timestamp with time zone,
	"warning_at" timestamp with time zone,
	"remaining_minutes" integer,
	"breaches" integer DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"webhook_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"response_status" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_shifts" ADD CONSTRAINT "team_shifts_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_outbound_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."outbound_webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_notifications_user_idx" ON "agent_notifications" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "calendars_name_idx" ON "calendars" USING btree ("name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendars_country_idx" ON "calendars" USING btree ("country") WHERE country is not null;--> statement-breakpoint
CREATE INDEX "follow_up_promises_ticket_idx" ON "follow_up_promises" USING btree ("ticket_id","created_at","id");--> statement-breakpoint
CREATE INDEX "follow_up_promises_open_idx" ON "follow_up_promises" USING btree ("due_at") WHERE kept_at is null and broken_at is null and cancelled_at is null;--> statement-breakpoint
CREATE INDEX "handoffs_ticket_idx" ON "handoffs" USING btree ("ticket_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sla_alerts_ticket_idx" ON "sla_alerts" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "sla_policies_created_idx" ON "sla_policies" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "ticket_sla_events_ticket_idx" ON "ticket_sla_events" USING btree ("ticket_id","at","id");--> statement-breakpoint
CREATE INDEX "ticket_sla_due_idx" ON "ticket_sla" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "ticket_sla_state_idx" ON "ticket_sla" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event_idx" ON "webhook_deliveries" USING btree ("webhook_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_created_idx" ON "webhook_deliveries" USING btree ("created_at","id");