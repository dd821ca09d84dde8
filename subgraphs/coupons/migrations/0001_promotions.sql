CREATE TYPE "coupons"."promotion_kind" AS ENUM('TIERED_SPEND', 'PERCENT_OFF', 'FIXED_OFF', 'BUY_X_GET_Y', 'NTH_ITEM_PERCENT', 'TIER_PRICE');--> statement-breakpoint
CREATE TYPE "coupons"."promotion_lifecycle" AS ENUM('DRAFT', 'ACTIVE', 'ARCHIVED');--> statement-breakpoint
CREATE TYPE "coupons"."promotion_scope_kind" AS ENUM('ALL', 'PRODUCTS', 'CATEGORIES', 'COLLECTIONS');--> statement-breakpoint
CREATE TABLE "coupons"."promotion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "coupons"."promotion_kind" NOT NULL,
	"lifecycle" "coupons"."promotion_lifecycle" DEFAULT 'DRAFT' NOT NULL,
	"titles" jsonb NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"combinable" boolean DEFAULT true NOT NULL,
	"starts_at" timestamp (3) with time zone,
	"ends_at" timestamp (3) with time zone,
	"channels" text[] DEFAULT '{}' NOT NULL,
	"member_tiers" text[] DEFAULT '{}' NOT NULL,
	"segment_ids" text[] DEFAULT '{}' NOT NULL,
	"scope_kind" "coupons"."promotion_scope_kind" DEFAULT 'ALL' NOT NULL,
	"scope_ids" text[] DEFAULT '{}' NOT NULL,
	"currency_code" char(3) NOT NULL,
	"spend_tiers" jsonb,
	"percent_bp" integer,
	"amount_off_minor" bigint,
	"max_discount_minor" bigint,
	"min_spend_minor" bigint,
	"buy_quantity" integer,
	"get_quantity" integer,
	"nth" integer,
	"archived_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotion_ends_after_start" CHECK ("coupons"."promotion"."ends_at" is null or "coupons"."promotion"."starts_at" is null or "coupons"."promotion"."ends_at" > "coupons"."promotion"."starts_at"),
	CONSTRAINT "promotion_percent_range" CHECK ("coupons"."promotion"."percent_bp" is null or ("coupons"."promotion"."percent_bp" between 1 and 10000)),
	CONSTRAINT "promotion_amounts_positive" CHECK (coalesce("coupons"."promotion"."amount_off_minor", 1) > 0 and coalesce("coupons"."promotion"."max_discount_minor", 1) > 0 and coalesce("coupons"."promotion"."min_spend_minor", 0) >= 0)
);
--> statement-breakpoint
CREATE INDEX "promotion_created_idx" ON "coupons"."promotion" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "promotion_active_idx" ON "coupons"."promotion" USING btree ("lifecycle","starts_at","ends_at");