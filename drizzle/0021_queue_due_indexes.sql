-- Staff queues filter by status and sort by the nearest due time: read the first page from the
-- index instead of sorting the whole open backlog (measured in bench/: 51 rows read instead of all
-- open tickets).
CREATE INDEX IF NOT EXISTS tickets_queue_engagement_idx ON tickets (status, engagement_due_at, id);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS tickets_queue_resolution_idx ON tickets (status, resolution_due_at, id);
