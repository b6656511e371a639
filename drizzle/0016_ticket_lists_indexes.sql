-- Indexes for the ticket lists (GET /api/tickets): each sortable column, and the working queue
-- (tickets not closed, a small part of all tickets) sorted by its usual columns.
CREATE INDEX IF NOT EXISTS "tickets_created_idx" ON "tickets" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tickets_company_created_idx" ON "tickets" USING btree ("company_id", "created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tickets_number_idx" ON "tickets" USING btree ("number");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tickets_active_updated_idx" ON "tickets" USING btree ("updated_at") WHERE "status" <> 'closed';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tickets_active_created_idx" ON "tickets" USING btree ("created_at") WHERE "status" <> 'closed';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tickets_active_criticality_idx" ON "tickets" USING btree ("criticality", "id") WHERE "status" <> 'closed';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tickets_active_status_idx" ON "tickets" USING btree ("status", "id") WHERE "status" <> 'closed';
