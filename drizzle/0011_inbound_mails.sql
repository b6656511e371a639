CREATE TYPE "public"."time_billing" AS ENUM('flex', 'regie', 'maintenance');--> statement-breakpoint
CREATE TYPE "public"."inbound_outcome" AS ENUM('posted', 'refused_closed', 'quarantined', 'ignored_auto', 'ignored_duplicate', 'created_ticket', 'discarded');--> statement-breakpoint
CREATE TYPE "public"."inbound_via" AS ENUM('smtp', 'imap', 'webhook');--> statement-breakpoint
CREATE TABLE "time_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid,
	"user_id" uuid NOT NULL,
	"work_date" date NOT NULL,
	"minutes" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"billing" time_billing NOT NULL,
	"billing_overridden" boolean DEFAULT false NOT NULL,
	"override_reason" text,
	"billed_at" timestamp with time zone,
	"billing_run_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "time_entries_minutes" CHECK ("time_entries"."minutes" > 0 AND "time_entries"."minutes" <= 1440),
	CONSTRAINT "time_entries_override_reason" CHECK (NOT "time_entries"."billing_overridden" OR "time_entries"."override_reason" IS NOT NULL),
	CONSTRAINT "time_entries_billed" CHECK (("time_entries"."billed_at" IS NULL) = ("time_entries"."billing_run_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "inbound_mails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text NOT NULL,
	"message_id" text,
	"via" "inbound_via" NOT NULL,
	"from_address" text,
	"from_name" text,
	"recipients" text[] DEFAULT '{}'::text[] NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"attachment_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"raw" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"outcome" "inbound_outcome" NOT NULL,
	"reason" text,
	"route" text,
	"ticket_id" uuid,
	"posted_message_id" uuid,
	"sender_user_id" uuid,
	"auto_answered" integer DEFAULT 0 NOT NULL,
	"deliveries" integer DEFAULT 1 NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_billing_run_id_billing_runs_id_fk" FOREIGN KEY ("billing_run_id") REFERENCES "public"."billing_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_mails" ADD CONSTRAINT "inbound_mails_sender_user_id_users_id_fk" FOREIGN KEY ("sender_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_mails" ADD CONSTRAINT "inbound_mails_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "time_entries_ticket_idx" ON "time_entries" USING btree ("ticket_id","work_date");--> statement-breakpoint
CREATE INDEX "time_entries_unbilled_idx" ON "time_entries" USING btree ("work_date") WHERE billed_at IS NULL;--> statement-breakpoint
CREATE INDEX "time_entries_billing_run_idx" ON "time_entries" USING btree ("billing_run_id");--> statement-breakpoint
CREATE INDEX "time_entries_company_idx" ON "time_entries" USING btree ("company_id","work_date");--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_mails_dedupe_key" ON "inbound_mails" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "inbound_mails_outcome_idx" ON "inbound_mails" USING btree ("outcome","received_at");--> statement-breakpoint
CREATE INDEX "inbound_mails_received_idx" ON "inbound_mails" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "inbound_mails_sender_auto_idx" ON "inbound_mails" USING btree ("from_address","received_at") WHERE auto_answered > 0;--> statement-breakpoint
CREATE INDEX "inbound_mails_ticket_idx" ON "inbound_mails" USING btree ("ticket_id");