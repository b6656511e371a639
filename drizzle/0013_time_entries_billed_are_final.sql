-- Billed time is final (R12): once a billing run has billed an entry, nothing changes or removes it.
-- The application refuses it with a clear message; this keeps every other path honest too.
CREATE OR REPLACE FUNCTION time_entries_billed_are_final() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.billed_at IS NOT NULL THEN
    RAISE EXCEPTION 'time entry % is billed: % refused', OLD.id, TG_OP
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER time_entries_billed_are_final
  BEFORE UPDATE OR DELETE ON "time_entries"
  FOR EACH ROW EXECUTE FUNCTION time_entries_billed_are_final();
