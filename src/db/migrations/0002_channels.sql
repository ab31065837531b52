CREATE TABLE "agent_phones" (
	"number" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"direction" text DEFAULT 'inbound' NOT NULL,
	"from_number" text NOT NULL,
	"to_number" text NOT NULL,
	"from_country" text,
	"contact_id" uuid,
	"ticket_id" uuid,
	"agent_user_id" uuid,
	"state" text NOT NULL,
	"ringing_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"duration_seconds" integer,
	"logged_message_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "channel_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"direction" text NOT NULL,
	"external_id" text,
	"ticket_id" uuid NOT NULL,
	"message_id" uuid,
	"contact_id" uuid,
	"address" text,
	"status" text NOT NULL,
	"error" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_routes" (
	"channel" text PRIMARY KEY NOT NULL,
	"team_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"widget_id" uuid NOT NULL,
	"secret_hash" text NOT NULL,
	"contact_id" uuid,
	"ticket_id" uuid,
	"name" text,
	"email" text,
	"language" text,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_sessions_secret_hash_unique" UNIQUE("secret_hash")
);
--> statement-breakpoint
CREATE TABLE "chat_widgets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"team_id" uuid,
	"calendar_id" uuid,
	"hours" jsonb,
	"allowed_origins" text[] DEFAULT '{}' NOT NULL,
	"color" text DEFAULT '#1c7ed6' NOT NULL,
	"default_language" text DEFAULT 'en' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_widgets_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "contact_identities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contact_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"label" text,
	"last_channel" text,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_mailboxes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"address" text NOT NULL,
	"name" text,
	"team_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"imap_host" text,
	"imap_port" integer,
	"imap_secure" boolean DEFAULT true NOT NULL,
	"imap_user" text,
	"imap_password" text,
	"imap_folder" text DEFAULT 'INBOX' NOT NULL,
	"imap_enabled" boolean DEFAULT false NOT NULL,
	"last_polled_at" timestamp with time zone,
	"last_poll_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_mailboxes_address_unique" UNIQUE("address")
);
--> statement-breakpoint
CREATE TABLE "inbound_failures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"detail" text,
	"raw_base64" text NOT NULL,
	"sha256" text NOT NULL,
	"envelope" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channel_messages" ADD CONSTRAINT "channel_messages_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_widget_id_chat_widgets_id_fk" FOREIGN KEY ("widget_id") REFERENCES "public"."chat_widgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_identities" ADD CONSTRAINT "contact_identities_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calls_contact_idx" ON "calls" USING btree ("contact_id","created_at");--> statement-breakpoint
CREATE INDEX "calls_created_idx" ON "calls" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_messages_external_idx" ON "channel_messages" USING btree ("channel","external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_messages_outbound_idx" ON "channel_messages" USING btree ("message_id") WHERE direction = 'outbound';--> statement-breakpoint
CREATE INDEX "channel_messages_ticket_idx" ON "channel_messages" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "channel_messages_contact_idx" ON "channel_messages" USING btree ("contact_id","channel","direction","created_at");--> statement-breakpoint
CREATE INDEX "chat_sessions_ticket_idx" ON "chat_sessions" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "chat_widgets_created_idx" ON "chat_widgets" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_identities_value_idx" ON "contact_identities" USING btree ("kind","value");--> statement-breakpoint
CREATE INDEX "contact_identities_contact_idx" ON "contact_identities" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "email_mailboxes_created_idx" ON "email_mailboxes" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_failures_sha_idx" ON "inbound_failures" USING btree ("channel","sha256");--> statement-breakpoint
CREATE INDEX "inbound_failures_created_idx" ON "inbound_failures" USING btree ("created_at","id");