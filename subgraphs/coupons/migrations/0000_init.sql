-- IF NOT EXISTS: the migrator creates this schema first to hold its ledger (coupons.__drizzle_migrations).
CREATE SCHEMA IF NOT EXISTS "coupons";
--> statement-breakpoint
CREATE TYPE "coupons"."coupon_kind" AS ENUM('PERCENTAGE', 'FIXED_AMOUNT');--> statement-breakpoint
CREATE TABLE "coupons"."coupon" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"kind" "coupons"."coupon_kind" NOT NULL,
	"value" bigint NOT NULL,
	"currency_code" char(3) NOT NULL,
	"minimum_spend_minor" bigint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coupon_code_unique" UNIQUE("code"),
	CONSTRAINT "coupon_value_positive" CHECK ("coupons"."coupon"."value" > 0),
	CONSTRAINT "coupon_percent_at_most_100" CHECK ("coupons"."coupon"."kind" <> 'PERCENTAGE' or "coupons"."coupon"."value" <= 100),
	CONSTRAINT "coupon_minimum_spend_not_negative" CHECK ("coupons"."coupon"."minimum_spend_minor" >= 0),
	CONSTRAINT "coupon_ends_after_start" CHECK ("coupons"."coupon"."ends_at" > "coupons"."coupon"."starts_at")
);
--> statement-breakpoint
CREATE INDEX "coupon_created_idx" ON "coupons"."coupon" USING btree ("created_at","id");