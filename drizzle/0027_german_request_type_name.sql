-- The usual support request type reads "Unterstützung" in German ("Assistenz" is not what a
-- German-speaking customer calls it); a name an administrator changed is left alone.
UPDATE "request_types" SET "name_de" = 'Unterstützung' WHERE "code" = 'assistance' AND "name_de" = 'Assistenz';
