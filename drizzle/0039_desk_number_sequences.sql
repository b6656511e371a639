-- Ticket numbers come from one sequence per desk instead of the desk_counters row: the row's lock
-- was held from the number to the commit, so creations on a desk ran one at a time. A sequence
-- hands out numbers without a lock; they stay unique and increasing, and a creation that fails
-- after taking its number leaves a gap.
--
-- Expand, then contract: the previous release still increments desk_counters during a rolling
-- upgrade. The trigger below makes that increment take its numbers from the same sequence, so both
-- releases draw from one source. It fires in every replication role (ENABLE ALWAYS) because bulk
-- loaders reserve blocks of numbers through the row with triggers otherwise off. A later release
-- drops the trigger and the table once no instance of this one's predecessor runs.
CREATE SEQUENCE IF NOT EXISTS "ticket_number_support" AS integer;
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS "ticket_number_consulting" AS integer;
--> statement-breakpoint
SELECT setval(format('ticket_number_%s', d.desk)::regclass, greatest(d.last_number, coalesce(t.last, 0), 1),
              greatest(d.last_number, coalesce(t.last, 0)) >= 1)
FROM "desk_counters" d
LEFT JOIN (SELECT "desk", max("number") AS last FROM "tickets" GROUP BY "desk") t ON t."desk" = d."desk";
--> statement-breakpoint
-- An increment of the row by n takes n numbers from the sequence and leaves the last in the row,
-- as the previous release expects. A block (n > 1) is meant for loaders that run alone: numbers
-- taken by the application in the middle of it would be given twice.
CREATE OR REPLACE FUNCTION guichet_desk_counter_from_sequence() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  seq regclass := format('ticket_number_%s', NEW.desk)::regclass;
  step integer := NEW.last_number - OLD.last_number;
  last integer;
BEGIN
  IF step < 1 THEN
    RETURN NEW;
  END IF;
  last := nextval(seq);
  IF step > 1 THEN
    last := last + step - 1;
    PERFORM setval(seq, last);
  END IF;
  NEW.last_number := last;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER desk_counters_from_sequence
  BEFORE UPDATE ON "desk_counters"
  FOR EACH ROW EXECUTE FUNCTION guichet_desk_counter_from_sequence();
--> statement-breakpoint
ALTER TABLE "desk_counters" ENABLE ALWAYS TRIGGER desk_counters_from_sequence;
