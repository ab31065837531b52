DROP INDEX "webhook_deliveries_created_idx";--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" USING btree ("webhook_id","created_at","id");