-- Full-text search of tickets: French and German stems of unaccented words, so "ecriture" finds
-- "écriture", "facturation" finds "factures" and "Rechnungen" finds "Rechnung".
CREATE TEXT SEARCH CONFIGURATION guichet_fr (COPY = french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION guichet_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION guichet_de (COPY = german);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION guichet_de ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;--> statement-breakpoint
-- One text as a weighted document in both languages.
CREATE OR REPLACE FUNCTION guichet_search_document(body text, weight "char") RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
  SELECT setweight(to_tsvector('guichet_fr'::regconfig, coalesce(body, '')), weight)
      || setweight(to_tsvector('guichet_de'::regconfig, coalesce(body, '')), weight)
$$;--> statement-breakpoint
-- Rebuilds one ticket's search documents: customers' (subject A, description B, public messages C)
-- and staff's (the same plus internal notes D). Refused replies to closed tickets are not indexed.
CREATE OR REPLACE FUNCTION guichet_reindex_ticket_search(target uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  public_doc tsvector;
  internal_doc tsvector;
BEGIN
  SELECT guichet_search_document(t.subject, 'A')
      || guichet_search_document(t.description, 'B')
      || guichet_search_document(m.public_text, 'C'),
         guichet_search_document(m.internal_text, 'D')
    INTO public_doc, internal_doc
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
  INSERT INTO ticket_search (ticket_id, public_vector, staff_vector)
  VALUES (target, public_doc, public_doc || internal_doc)
  ON CONFLICT (ticket_id) DO UPDATE
    SET public_vector = EXCLUDED.public_vector, staff_vector = EXCLUDED.staff_vector;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION guichet_ticket_search_on_ticket() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM guichet_reindex_ticket_search(NEW.id);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION guichet_ticket_search_on_message() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM guichet_reindex_ticket_search(OLD.ticket_id);
  ELSE
    PERFORM guichet_reindex_ticket_search(NEW.ticket_id);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER tickets_search_index
  AFTER INSERT OR UPDATE OF subject, description ON tickets
  FOR EACH ROW EXECUTE FUNCTION guichet_ticket_search_on_ticket();--> statement-breakpoint
CREATE TRIGGER ticket_messages_search_index
  AFTER INSERT OR UPDATE OF body, visibility, refused OR DELETE ON ticket_messages
  FOR EACH ROW EXECUTE FUNCTION guichet_ticket_search_on_message();--> statement-breakpoint
-- Tickets that existed before this migration.
SELECT guichet_reindex_ticket_search(id) FROM tickets;
