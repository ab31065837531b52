ALTER TABLE "chat_sessions" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD COLUMN "verify_token_hash" text;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD COLUMN "verify_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_verify_token_hash_unique" UNIQUE("verify_token_hash");