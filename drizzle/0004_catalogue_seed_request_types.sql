-- The request types every installation starts with (R3). Admins may edit or deactivate them.
INSERT INTO "request_types" ("code", "name_fr", "name_de", "name_en", "description_fr", "description_de", "description_en", "requires_flex", "billed_to_flex", "counts_toward_sla", "creatable_by_customers", "active", "sort_order")
VALUES
  ('assistance', 'Assistance', 'Assistenz', 'Assistance',
   'Demande standard : un dysfonctionnement du logiciel ou une question sur son utilisation. C''est le cas habituel.',
   'Standardanfrage: eine Fehlfunktion der Software oder eine Frage zu ihrer Verwendung. Das ist der übliche Fall.',
   'Standard request: a malfunction of the software or a question about its use. This is the usual case.',
   false, false, true, true, true, 10),
  ('solva_flex', 'Solva Flex', 'Solva Flex', 'Solva Flex',
   'Petite évolution du logiciel, facturée sur le solde de votre contrat Flex.',
   'Kleine Weiterentwicklung der Software, die über das Guthaben Ihres Flex-Vertrags abgerechnet wird.',
   'Small evolution of the software, billed on the balance of your Flex contract.',
   true, true, true, true, true, 20)
ON CONFLICT ("code") DO NOTHING;
