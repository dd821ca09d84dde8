-- IF NOT EXISTS: the migrator creates this schema first to hold its ledger (members.__drizzle_migrations).
CREATE SCHEMA IF NOT EXISTS "members";
--> statement-breakpoint
CREATE TYPE "members"."member_tier" AS ENUM('BRONZE', 'SILVER', 'GOLD', 'PLATINUM');--> statement-breakpoint
CREATE TABLE "members"."member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"display_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"tier" "members"."member_tier" DEFAULT 'BRONZE' NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE INDEX "member_created_idx" ON "members"."member" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "member_display_name_idx" ON "members"."member" USING btree ("display_name","id");