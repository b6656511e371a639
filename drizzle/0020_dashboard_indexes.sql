-- Dashboard: SLA compliance by creation date, backlog by status and age, automatic closings per week.
CREATE INDEX IF NOT EXISTS "tickets_created_at_idx" ON "tickets" USING btree ("created_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tickets_backlog_idx" ON "tickets" USING btree ("status", "created_at") WHERE "status" <> 'closed';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tickets_auto_closed_idx" ON "tickets" USING btree ("closed_at") WHERE "close_reason" = 'no_answer';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "time_entries_flex_month_idx" ON "time_entries" USING btree ("work_date", "company_id") WHERE "billing" = 'flex';
