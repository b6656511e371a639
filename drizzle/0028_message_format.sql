CREATE TYPE "public"."message_format" AS ENUM('plain', 'markdown');--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD COLUMN "format" "message_format" DEFAULT 'plain' NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "description_format" "message_format" DEFAULT 'plain' NOT NULL;