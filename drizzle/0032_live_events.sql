CREATE TABLE "live_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"notice" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "live_events" ADD CONSTRAINT "live_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "live_events_created_idx" ON "live_events" USING btree ("created_at");--> statement-breakpoint
-- Rows of a ticket are the ticket's company's under the customer role (see row_level_security).
ALTER TABLE "live_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY customer_company ON "live_events" TO guichet_customer
  USING (EXISTS (SELECT 1 FROM tickets WHERE tickets.id = live_events.ticket_id))
  WITH CHECK (EXISTS (SELECT 1 FROM tickets WHERE tickets.id = live_events.ticket_id));
