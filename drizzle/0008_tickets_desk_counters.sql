-- Ticket numbers: support keys start at SUP-1001, consulting keys at CON-1. The row holds the last
-- number given; creation increments it inside its transaction.
INSERT INTO "desk_counters" ("desk", "last_number") VALUES ('support', 1000), ('consulting', 0) ON CONFLICT DO NOTHING;
