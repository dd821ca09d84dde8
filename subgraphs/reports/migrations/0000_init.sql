-- IF NOT EXISTS: the migrator creates this schema first to hold its ledger (reports.__drizzle_migrations).
CREATE SCHEMA IF NOT EXISTS "reports";
--> statement-breakpoint
CREATE TABLE "reports"."order_fact" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"total_minor" bigint NOT NULL,
	"currency_code" char(3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "order_fact_placed_idx" ON "reports"."order_fact" USING btree ("placed_at");