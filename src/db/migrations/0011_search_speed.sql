-- pg_trgm ships with PostgreSQL (contrib, trusted since 13) and is loaded into PGlite by src/db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "contacts_name_idx" ON "contacts" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "contacts_search_trgm_idx" ON "contacts" USING gin (("name" || ' ' || coalesce("job_title", '')) gin_trgm_ops);