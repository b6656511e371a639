ALTER TYPE "public"."close_reason" ADD VALUE 'retention';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
-- Erasing a person's data (GDPR) is the one rewrite the append-only ledgers accept: it replaces the
-- person's name or address inside texts and changes no amount. The erasure sets guichet.erasure for
-- its own transaction only; deletions stay refused.
CREATE OR REPLACE FUNCTION flex_ledger_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('guichet.erasure', true) = 'on'
     AND NEW.minutes = OLD.minutes AND NEW.kind = OLD.kind THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'flex_ledger is append-only: % refused', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION time_entries_billed_are_final() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.billed_at IS NOT NULL THEN
    IF TG_OP = 'UPDATE' AND current_setting('guichet.erasure', true) = 'on'
       AND NEW.minutes = OLD.minutes AND NEW.billing = OLD.billing THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'time entry % is billed: % refused', OLD.id, TG_OP
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
