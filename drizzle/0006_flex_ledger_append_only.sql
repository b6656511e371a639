-- The Flex ledger is append-only (R12): a movement is never changed or removed, a mistake is
-- corrected by an adjustment. Enforced here so no code path, script or console can rewrite history.
CREATE OR REPLACE FUNCTION flex_ledger_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'flex_ledger is append-only: % refused', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER flex_ledger_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "flex_ledger"
  FOR EACH ROW EXECUTE FUNCTION flex_ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER flex_ledger_no_truncate
  BEFORE TRUNCATE ON "flex_ledger"
  FOR EACH STATEMENT EXECUTE FUNCTION flex_ledger_append_only();
