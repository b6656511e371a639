-- An agent's own open tickets in resolution order (the "mine" queue) without reading every ticket
-- they ever handled. IF NOT EXISTS: on a large installation it can be built beforehand with
-- CREATE INDEX CONCURRENTLY (same name and definition), which does not hold up writes as this would.
CREATE INDEX IF NOT EXISTS "tickets_mine_idx" ON "tickets" USING btree ("assignee_id","resolution_due_at","id") WHERE "tickets"."status" <> 'closed';
