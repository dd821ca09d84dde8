-- IF NOT EXISTS: the migrator creates this schema first to hold its ledger (kit.__drizzle_migrations).
CREATE SCHEMA IF NOT EXISTS "kit";
--> statement-breakpoint
CREATE TABLE "kit"."shop_settings" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"time_zone" text NOT NULL,
	"currency_code" char(3) NOT NULL,
	"week_starts_on" smallint NOT NULL,
	"buddhist_era" boolean NOT NULL,
	"hijri" boolean NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shop_settings_singleton" CHECK ("kit"."shop_settings"."singleton"),
	CONSTRAINT "shop_settings_week_starts_on" CHECK ("kit"."shop_settings"."week_starts_on" between 1 and 7)
);
