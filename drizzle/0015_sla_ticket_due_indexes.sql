-- The staff queue sorts by the SLA due times (ascending, nulls last, then id) and filters on the SLA state.
CREATE INDEX IF NOT EXISTS "tickets_sla_engagement_due_idx" ON "tickets" USING btree ("engagement_due_at", "id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tickets_sla_resolution_due_idx" ON "tickets" USING btree ("resolution_due_at", "id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tickets_sla_state_idx" ON "tickets" USING btree ("sla_state") WHERE "sla_state" IN ('at_risk', 'breached');
