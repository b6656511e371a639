-- IF NOT EXISTS: on a large installation the indexes can be built beforehand with CREATE INDEX
-- CONCURRENTLY (same names), which does not hold up ticket creation as this transaction would.
CREATE INDEX IF NOT EXISTS "ticket_search_created_idx" ON "ticket_search" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "ticket_search_company_created_idx" ON "ticket_search" USING btree ("company_id","created_at");--> statement-breakpoint
-- The candidates a relevance search ranks: the `wanted` most recent tickets whose document matches
-- `query`, as before, but looked for among the most recent tickets first. Reading every match of a
-- common word (a tenth of a million tickets) to keep the most recent few hundred cost seconds; the
-- first window, the `first_window` (10,000) most recent tickets (of the company), holds enough of
-- them. A window that holds fewer is widened in proportion to the matches it held (ten times as far
-- back in time at least), and to every ticket when it held none. The result is the same whatever
-- the windows: a window holds every ticket created at or after its lower bound, so once it holds
-- `wanted` matches no older one can be among the most recent.
--
-- Customers: the function runs as its owner, so that the search index can be used (under the
-- customer role's row-level security the planner may not use it: the `@@` operator is not
-- leakproof). It applies the policy itself: under the customer role, or in a transaction limited to
-- a company, it searches only that company's public documents, whatever the arguments, and nothing
-- when the company is not set.
--
-- Plans: each query is planned for its values (EXECUTE). The planner counts a match test as nearly
-- free, but each one reads a document out of line: walking the creation-time index and testing
-- every row took seconds for a rare word. Within the windows, plain index scans are therefore
-- turned off, which leaves the bitmap plans: the search index's matches ANDed with the window's.
CREATE OR REPLACE FUNCTION guichet_search_candidates(query tsquery, staff boolean, company uuid, wanted integer,
                                                     first_window integer DEFAULT 10000)
RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
ROWS 300
AS $$
DECLARE
  scoped uuid := guichet_current_company();
  customer boolean := scoped IS NOT NULL OR current_setting('role', true) = 'guichet_customer';
  index_scans text := current_setting('enable_indexscan');
  vector text;
  scope text;
  newest timestamptz;
  since timestamptz;
  wider timestamptz;
  counted integer;
  found uuid[];
  matched integer;
BEGIN
  IF customer THEN
    IF scoped IS NULL THEN
      RETURN;
    END IF;
    staff := false;
    company := scoped;
  END IF;
  vector := CASE WHEN staff THEN 'staff_vector' ELSE 'public_vector' END;
  scope := CASE WHEN company IS NULL THEN 'true' ELSE format('company_id = %L::uuid', company) END;
  -- The first window's lower bound: the creation time of the first_window-th most recent ticket.
  -- With fewer tickets than that, there is no window: every ticket is searched.
  EXECUTE format('SELECT max(created_at), min(created_at), count(*) FROM (SELECT created_at FROM ticket_search
                   WHERE %s ORDER BY created_at DESC LIMIT %s) w', scope, first_window)
    INTO newest, since, counted;
  IF counted < first_window THEN
    since := NULL;
  END IF;
  PERFORM set_config('enable_indexscan', 'off', true);
  WHILE since IS NOT NULL LOOP
    EXECUTE format('SELECT array_agg(ticket_id) FROM (SELECT ticket_id FROM ticket_search
                     WHERE %s AND %I @@ $1 AND created_at >= $2
                     ORDER BY created_at DESC, ticket_id DESC LIMIT $3) c', scope, vector)
      INTO found USING query, since, wanted;
    matched := coalesce(cardinality(found), 0);
    IF matched >= wanted THEN
      PERFORM set_config('enable_indexscan', index_scans, true);
      RETURN QUERY SELECT unnest(found);
      RETURN;
    END IF;
    EXIT WHEN matched = 0;
    wider := newest - (newest - since) * greatest(10, ceil(2.0 * wanted / matched))::float8;
    EXIT WHEN wider >= since OR wider < '1900-01-01'::timestamptz;
    since := wider;
  END LOOP;
  RETURN QUERY EXECUTE format('SELECT ticket_id FROM ticket_search WHERE %s AND %I @@ $1
                                ORDER BY created_at DESC, ticket_id DESC LIMIT $2', scope, vector)
    USING query, wanted;
  PERFORM set_config('enable_indexscan', index_scans, true);
END
$$;
