-- A search picks its most recent matches (and a customer's, by company) from ticket_search alone.
ALTER TABLE "ticket_search" ADD COLUMN "company_id" uuid;--> statement-breakpoint
ALTER TABLE "ticket_search" ADD COLUMN "created_at" timestamp with time zone;--> statement-breakpoint
UPDATE "ticket_search" s SET "company_id" = t."company_id", "created_at" = t."created_at"
  FROM "tickets" t WHERE t."id" = s."ticket_id";--> statement-breakpoint
ALTER TABLE "ticket_search" ALTER COLUMN "company_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_search" ALTER COLUMN "created_at" SET NOT NULL;--> statement-breakpoint
-- Documents above the toast threshold go out of line entirely, leaving rows of about 100 bytes: the
-- heap pages a common word's matches are read from stay few and cached.
ALTER TABLE "ticket_search" SET (toast_tuple_target = 128);--> statement-breakpoint
CREATE OR REPLACE FUNCTION guichet_reindex_ticket_search(target uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  public_doc tsvector;
  internal_doc tsvector;
  ticket_company uuid;
  ticket_created timestamptz;
BEGIN
  SELECT guichet_search_document(t.subject, 'A')
      || guichet_search_document(t.description, 'B')
      || guichet_search_document(m.public_text, 'C'),
         guichet_search_document(m.internal_text, 'D'),
         t.company_id, t.created_at
    INTO public_doc, internal_doc, ticket_company, ticket_created
    FROM tickets t
    LEFT JOIN LATERAL (
      SELECT left(string_agg(body, E'\n' ORDER BY created_at) FILTER (WHERE visibility = 'public'), 200000) AS public_text,
             left(string_agg(body, E'\n' ORDER BY created_at) FILTER (WHERE visibility = 'internal'), 200000) AS internal_text
        FROM ticket_messages
       WHERE ticket_id = t.id AND NOT refused
    ) m ON true
   WHERE t.id = target;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  INSERT INTO ticket_search (ticket_id, company_id, created_at, public_vector, staff_vector)
  VALUES (target, ticket_company, ticket_created, public_doc, public_doc || internal_doc)
  ON CONFLICT (ticket_id) DO UPDATE
    SET company_id = EXCLUDED.company_id, created_at = EXCLUDED.created_at,
        public_vector = EXCLUDED.public_vector, staff_vector = EXCLUDED.staff_vector;
END
$$;--> statement-breakpoint
DROP TRIGGER tickets_search_index ON tickets;--> statement-breakpoint
CREATE TRIGGER tickets_search_index
  AFTER INSERT OR UPDATE OF subject, description, company_id ON tickets
  FOR EACH ROW EXECUTE FUNCTION guichet_ticket_search_on_ticket();
