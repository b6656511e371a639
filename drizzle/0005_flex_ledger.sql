CREATE TYPE "public"."billing_run_status" AS ENUM('committed');--> statement-breakpoint
CREATE TYPE "public"."flex_movement_kind" AS ENUM('credit', 'debit', 'adjustment');--> statement-breakpoint
CREATE TABLE "billing_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" "billing_run_status" DEFAULT 'committed' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"totals" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flex_alert_states" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"is_low" boolean DEFAULT false NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flex_ledger" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "flex_ledger_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"contract_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" "flex_movement_kind" NOT NULL,
	"minutes" integer NOT NULL,
	"reason" text,
	"ticket_id" uuid,
	"billing_run_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "flex_ledger_sign" CHECK (("flex_ledger"."kind" = 'credit' AND "flex_ledger"."minutes" > 0) OR ("flex_ledger"."kind" = 'debit' AND "flex_ledger"."minutes" < 0) OR ("flex_ledger"."kind" = 'adjustment' AND "flex_ledger"."minutes" <> 0 AND "flex_ledger"."reason" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flex_alert_states" ADD CONSTRAINT "flex_alert_states_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flex_ledger" ADD CONSTRAINT "flex_ledger_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flex_ledger" ADD CONSTRAINT "flex_ledger_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flex_ledger" ADD CONSTRAINT "flex_ledger_billing_run_id_billing_runs_id_fk" FOREIGN KEY ("billing_run_id") REFERENCES "public"."billing_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flex_ledger" ADD CONSTRAINT "flex_ledger_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billing_runs_created_idx" ON "billing_runs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "flex_ledger_company_idx" ON "flex_ledger" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "flex_ledger_contract_idx" ON "flex_ledger" USING btree ("contract_id","created_at");--> statement-breakpoint
CREATE INDEX "flex_ledger_billing_run_idx" ON "flex_ledger" USING btree ("billing_run_id");