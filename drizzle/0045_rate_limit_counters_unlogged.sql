-- The API rate-limit counters are written on every request and are worth nothing after a crash
-- (a window lasts seconds): unlogged, their upserts write no WAL and their commits wait for no
-- flush to disk. After a crash PostgreSQL empties the table, which only starts every window afresh.
ALTER TABLE "rate_limit_counters" SET UNLOGGED;
