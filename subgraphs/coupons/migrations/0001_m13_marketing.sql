CREATE TYPE "coupons"."article_status" AS ENUM('DRAFT', 'PUBLISHED', 'ARCHIVED');--> statement-breakpoint
CREATE TYPE "coupons"."placement_kind" AS ENUM('BANNER', 'ANNOUNCEMENT');--> statement-breakpoint
CREATE TYPE "coupons"."group_buy_group_status" AS ENUM('OPEN', 'SUCCEEDED', 'FAILED');--> statement-breakpoint
CREATE TYPE "coupons"."group_buy_place_status" AS ENUM('TAKEN', 'PAID', 'RELEASED');--> statement-breakpoint
CREATE TYPE "coupons"."promotion_kind" AS ENUM('TIERED_SPEND', 'PERCENT_OFF', 'FIXED_OFF', 'BUY_X_GET_Y', 'NTH_ITEM_PERCENT', 'TIER_PRICE');--> statement-breakpoint
CREATE TYPE "coupons"."promotion_lifecycle" AS ENUM('DRAFT', 'ACTIVE', 'ARCHIVED');--> statement-breakpoint
CREATE TYPE "coupons"."promotion_scope_kind" AS ENUM('ALL', 'PRODUCTS', 'CATEGORIES', 'COLLECTIONS');--> statement-breakpoint
ALTER TYPE "coupons"."coupon_kind" ADD VALUE 'FREE_SHIPPING';--> statement-breakpoint
CREATE TABLE "coupons"."article" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"texts" jsonb NOT NULL,
	"status" "coupons"."article_status" DEFAULT 'DRAFT' NOT NULL,
	"published_at" timestamp (3) with time zone,
	"cover_image_url" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "article_published_has_time" CHECK ("coupons"."article"."status" <> 'PUBLISHED' or "coupons"."article"."published_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "coupons"."placement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "coupons"."placement_kind" NOT NULL,
	"texts" jsonb NOT NULL,
	"image_url" text,
	"link_url" text,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"locales" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" integer NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone,
	"archived_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_ends_after_start" CHECK ("coupons"."placement"."ends_at" is null or "coupons"."placement"."ends_at" > "coupons"."placement"."starts_at"),
	CONSTRAINT "placement_banner_has_image" CHECK ("coupons"."placement"."kind" <> 'BANNER' or "coupons"."placement"."image_url" is not null)
);
--> statement-breakpoint
CREATE TABLE "coupons"."coupon_code" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coupon_id" uuid NOT NULL,
	"code" text NOT NULL,
	"member_id" uuid,
	"source" text NOT NULL,
	"batch_id" uuid,
	"redeemed_order_id" uuid,
	"redeemed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coupon_code_code_unique" UNIQUE("code"),
	CONSTRAINT "coupon_code_source" CHECK ("coupons"."coupon_code"."source" in ('CLAIMED', 'ISSUED', 'GENERATED'))
);
--> statement-breakpoint
CREATE TABLE "coupons"."coupon_member_usage" (
	"coupon_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"claimed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "coupon_member_usage_coupon_id_member_id_pk" PRIMARY KEY("coupon_id","member_id"),
	CONSTRAINT "coupon_member_usage_not_negative" CHECK ("coupons"."coupon_member_usage"."used" >= 0 and "coupons"."coupon_member_usage"."claimed" >= 0)
);
--> statement-breakpoint
CREATE TABLE "coupons"."coupon_redemption" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coupon_id" uuid NOT NULL,
	"code_id" uuid,
	"code" text NOT NULL,
	"order_id" uuid NOT NULL,
	"member_id" uuid,
	"discount_minor" bigint NOT NULL,
	"currency_code" char(3) NOT NULL,
	"redeemed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp (3) with time zone,
	CONSTRAINT "coupon_redemption_order_coupon" UNIQUE("order_id","coupon_id"),
	CONSTRAINT "coupon_redemption_discount_not_negative" CHECK ("coupons"."coupon_redemption"."discount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "coupons"."flash_sale" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"titles" jsonb NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"payment_timeout_minutes" integer NOT NULL,
	"archived_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flash_sale_ends_after_start" CHECK ("coupons"."flash_sale"."ends_at" > "coupons"."flash_sale"."starts_at"),
	CONSTRAINT "flash_sale_payment_timeout_range" CHECK ("coupons"."flash_sale"."payment_timeout_minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "coupons"."flash_sale_bucket" (
	"item_id" uuid NOT NULL,
	"bucket" smallint NOT NULL,
	"remaining" integer NOT NULL,
	CONSTRAINT "flash_sale_bucket_item_id_bucket_pk" PRIMARY KEY("item_id","bucket"),
	CONSTRAINT "flash_sale_bucket_not_negative" CHECK ("coupons"."flash_sale_bucket"."remaining" >= 0)
);
--> statement-breakpoint
CREATE TABLE "coupons"."flash_sale_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flash_sale_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"flash_price_minor" bigint NOT NULL,
	"currency_code" char(3) NOT NULL,
	"quota" integer NOT NULL,
	"per_member_limit" integer,
	"bucket_count" smallint NOT NULL,
	"removed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flash_sale_item_price_not_negative" CHECK ("coupons"."flash_sale_item"."flash_price_minor" >= 0),
	CONSTRAINT "flash_sale_item_quota_positive" CHECK ("coupons"."flash_sale_item"."quota" > 0),
	CONSTRAINT "flash_sale_item_limit_positive" CHECK ("coupons"."flash_sale_item"."per_member_limit" is null or "coupons"."flash_sale_item"."per_member_limit" > 0),
	CONSTRAINT "flash_sale_item_buckets_range" CHECK ("coupons"."flash_sale_item"."bucket_count" between 1 and 64)
);
--> statement-breakpoint
CREATE TABLE "coupons"."flash_sale_member_use" (
	"item_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "flash_sale_member_use_item_id_member_id_pk" PRIMARY KEY("item_id","member_id"),
	CONSTRAINT "flash_sale_member_use_not_negative" CHECK ("coupons"."flash_sale_member_use"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "coupons"."flash_sale_take" (
	"order_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"bucket" smallint NOT NULL,
	"quantity" integer NOT NULL,
	"member_id" uuid,
	"released_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flash_sale_take_order_id_item_id_bucket_pk" PRIMARY KEY("order_id","item_id","bucket"),
	CONSTRAINT "flash_sale_take_positive" CHECK ("coupons"."flash_sale_take"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "coupons"."group_buy_campaign" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"titles" jsonb NOT NULL,
	"group_price_minor" bigint NOT NULL,
	"currency_code" char(3) NOT NULL,
	"group_size" integer NOT NULL,
	"fill_minutes" integer NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"archived_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_buy_campaign_price_positive" CHECK ("coupons"."group_buy_campaign"."group_price_minor" > 0),
	CONSTRAINT "group_buy_campaign_size" CHECK ("coupons"."group_buy_campaign"."group_size" between 2 and 100),
	CONSTRAINT "group_buy_campaign_fill" CHECK ("coupons"."group_buy_campaign"."fill_minutes" between 5 and 10080),
	CONSTRAINT "group_buy_campaign_ends_after_start" CHECK ("coupons"."group_buy_campaign"."ends_at" > "coupons"."group_buy_campaign"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "coupons"."group_buy_group" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"leader_member_id" uuid NOT NULL,
	"status" "coupons"."group_buy_group_status" DEFAULT 'OPEN' NOT NULL,
	"size" integer NOT NULL,
	"places_taken" integer DEFAULT 0 NOT NULL,
	"places_paid" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"closed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_buy_group_places" CHECK ("coupons"."group_buy_group"."places_paid" between 0 and "coupons"."group_buy_group"."places_taken" and "coupons"."group_buy_group"."places_taken" <= "coupons"."group_buy_group"."size")
);
--> statement-breakpoint
CREATE TABLE "coupons"."group_buy_place" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"status" "coupons"."group_buy_place_status" DEFAULT 'TAKEN' NOT NULL,
	"taken_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp (3) with time zone,
	"released_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "coupons"."coupon_batch" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coupon_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"requested" integer NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"segment_id" uuid,
	"prefix" text DEFAULT '' NOT NULL,
	"cursor" uuid,
	"failure_code" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "coupon_batch_kind" CHECK ("coupons"."coupon_batch"."kind" in ('CODES', 'SEGMENT')),
	CONSTRAINT "coupon_batch_status" CHECK ("coupons"."coupon_batch"."status" in ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
	CONSTRAINT "coupon_batch_counts" CHECK ("coupons"."coupon_batch"."requested" >= 0 and "coupons"."coupon_batch"."done" >= 0 and "coupons"."coupon_batch"."skipped" >= 0)
);
--> statement-breakpoint
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
ALTER TABLE "coupons"."coupon" DROP CONSTRAINT "coupon_value_positive";--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ALTER COLUMN "code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD COLUMN "titles" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD COLUMN "max_discount_minor" bigint;--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD COLUMN "scope_kind" text DEFAULT 'ALL' NOT NULL;--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD COLUMN "scope_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD COLUMN "total_quantity" integer;--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD COLUMN "issued_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD COLUMN "redeemed_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD COLUMN "per_member_limit" integer;--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD COLUMN "channels" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD COLUMN "tiers" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD COLUMN "segment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD COLUMN "combinable" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD COLUMN "claimable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "coupons"."coupon_code" ADD CONSTRAINT "coupon_code_coupon_id_coupon_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "coupons"."coupon"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons"."coupon_member_usage" ADD CONSTRAINT "coupon_member_usage_coupon_id_coupon_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "coupons"."coupon"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons"."coupon_redemption" ADD CONSTRAINT "coupon_redemption_coupon_id_coupon_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "coupons"."coupon"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons"."coupon_redemption" ADD CONSTRAINT "coupon_redemption_code_id_coupon_code_id_fk" FOREIGN KEY ("code_id") REFERENCES "coupons"."coupon_code"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons"."flash_sale_bucket" ADD CONSTRAINT "flash_sale_bucket_item_id_flash_sale_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "coupons"."flash_sale_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons"."flash_sale_item" ADD CONSTRAINT "flash_sale_item_flash_sale_id_flash_sale_id_fk" FOREIGN KEY ("flash_sale_id") REFERENCES "coupons"."flash_sale"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons"."flash_sale_member_use" ADD CONSTRAINT "flash_sale_member_use_item_id_flash_sale_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "coupons"."flash_sale_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons"."flash_sale_take" ADD CONSTRAINT "flash_sale_take_item_id_flash_sale_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "coupons"."flash_sale_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons"."group_buy_group" ADD CONSTRAINT "group_buy_group_campaign_id_group_buy_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "coupons"."group_buy_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons"."group_buy_place" ADD CONSTRAINT "group_buy_place_group_id_group_buy_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "coupons"."group_buy_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons"."coupon_batch" ADD CONSTRAINT "coupon_batch_coupon_id_coupon_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "coupons"."coupon"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "article_slug_idx" ON "coupons"."article" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "article_created_idx" ON "coupons"."article" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "article_published_idx" ON "coupons"."article" USING btree ("published_at","id") WHERE "coupons"."article"."status" = 'PUBLISHED';--> statement-breakpoint
CREATE INDEX "placement_kind_position_idx" ON "coupons"."placement" USING btree ("kind","position","id") WHERE "coupons"."placement"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "coupon_code_member_idx" ON "coupons"."coupon_code" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "coupon_code_batch_idx" ON "coupons"."coupon_code" USING btree ("batch_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "coupon_code_batch_member_idx" ON "coupons"."coupon_code" USING btree ("batch_id","member_id") WHERE "coupons"."coupon_code"."batch_id" is not null and "coupons"."coupon_code"."member_id" is not null;--> statement-breakpoint
CREATE INDEX "coupon_redemption_coupon_idx" ON "coupons"."coupon_redemption" USING btree ("coupon_id","redeemed_at");--> statement-breakpoint
CREATE INDEX "flash_sale_window_idx" ON "coupons"."flash_sale" USING btree ("ends_at","starts_at");--> statement-breakpoint
CREATE INDEX "flash_sale_created_idx" ON "coupons"."flash_sale" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "flash_sale_item_variant_idx" ON "coupons"."flash_sale_item" USING btree ("flash_sale_id","variant_id") WHERE "coupons"."flash_sale_item"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "flash_sale_item_variant_lookup_idx" ON "coupons"."flash_sale_item" USING btree ("variant_id");--> statement-breakpoint
CREATE INDEX "flash_sale_take_item_idx" ON "coupons"."flash_sale_take" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "group_buy_campaign_created_idx" ON "coupons"."group_buy_campaign" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "group_buy_campaign_product_idx" ON "coupons"."group_buy_campaign" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "group_buy_group_campaign_idx" ON "coupons"."group_buy_group" USING btree ("campaign_id","created_at","id");--> statement-breakpoint
CREATE INDEX "group_buy_group_created_idx" ON "coupons"."group_buy_group" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "group_buy_group_open_expiry_idx" ON "coupons"."group_buy_group" USING btree ("expires_at") WHERE "coupons"."group_buy_group"."status" = 'OPEN';--> statement-breakpoint
CREATE UNIQUE INDEX "group_buy_place_order_idx" ON "coupons"."group_buy_place" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_buy_place_member_idx" ON "coupons"."group_buy_place" USING btree ("group_id","member_id") WHERE "coupons"."group_buy_place"."status" <> 'RELEASED';--> statement-breakpoint
CREATE INDEX "group_buy_place_group_idx" ON "coupons"."group_buy_place" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "coupon_batch_coupon_idx" ON "coupons"."coupon_batch" USING btree ("coupon_id","created_at");--> statement-breakpoint
CREATE INDEX "promotion_created_idx" ON "coupons"."promotion" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "promotion_active_idx" ON "coupons"."promotion" USING btree ("lifecycle","starts_at","ends_at");--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_value_not_negative" CHECK ("coupons"."coupon"."value" >= 0);--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_cap_positive" CHECK ("coupons"."coupon"."max_discount_minor" is null or "coupons"."coupon"."max_discount_minor" > 0);--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_scope_kind" CHECK ("coupons"."coupon"."scope_kind" in ('ALL', 'CATEGORIES', 'PRODUCTS', 'COLLECTIONS'));--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_issued_within_quantity" CHECK ("coupons"."coupon"."total_quantity" is null or "coupons"."coupon"."issued_count" <= "coupons"."coupon"."total_quantity");--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_redeemed_within_quantity" CHECK ("coupons"."coupon"."total_quantity" is null or "coupons"."coupon"."redeemed_count" <= "coupons"."coupon"."total_quantity");--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_counts_not_negative" CHECK ("coupons"."coupon"."issued_count" >= 0 and "coupons"."coupon"."redeemed_count" >= 0);--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_quantity_positive" CHECK ("coupons"."coupon"."total_quantity" is null or "coupons"."coupon"."total_quantity" > 0);--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_per_member_limit_positive" CHECK ("coupons"."coupon"."per_member_limit" is null or "coupons"."coupon"."per_member_limit" > 0);--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_value_positive" CHECK ("coupons"."coupon"."kind"::text = 'FREE_SHIPPING' or "coupons"."coupon"."value" > 0);