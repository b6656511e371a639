CREATE TYPE "public"."ticket_timer_kind" AS ENUM('reminder_1', 'reminder_2', 'auto_close', 'sla_engagement_at_risk', 'sla_engagement_breached', 'sla_resolution_at_risk', 'sla_resolution_breached');--> statement-breakpoint
CREATE TYPE "public"."ticket_timer_state" AS ENUM('pending', 'done', 'cancelled');--> statement-breakpoint
CREATE TABLE "ticket_timers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"kind" "ticket_timer_kind" NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"ladder" text NOT NULL,
	"state" "ticket_timer_state" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ticket_timers" ADD CONSTRAINT "ticket_timers_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_timers_ticket_kind_ladder_key" ON "ticket_timers" USING btree ("ticket_id","kind","ladder");--> statement-breakpoint
CREATE INDEX "ticket_timers_due_idx" ON "ticket_timers" USING btree ("due_at") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "ticket_timers_ticket_pending_idx" ON "ticket_timers" USING btree ("ticket_id") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_status_idx" ON "outbox" USING btree ("status","id");