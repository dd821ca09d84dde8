CREATE TYPE "coupons"."group_buy_group_status" AS ENUM('OPEN', 'SUCCEEDED', 'FAILED');--> statement-breakpoint
CREATE TYPE "coupons"."group_buy_place_status" AS ENUM('TAKEN', 'PAID', 'RELEASED');--> statement-breakpoint
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
ALTER TABLE "coupons"."group_buy_group" ADD CONSTRAINT "group_buy_group_campaign_id_group_buy_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "coupons"."group_buy_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons"."group_buy_place" ADD CONSTRAINT "group_buy_place_group_id_group_buy_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "coupons"."group_buy_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_buy_campaign_created_idx" ON "coupons"."group_buy_campaign" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "group_buy_campaign_product_idx" ON "coupons"."group_buy_campaign" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "group_buy_group_campaign_idx" ON "coupons"."group_buy_group" USING btree ("campaign_id","created_at","id");--> statement-breakpoint
CREATE INDEX "group_buy_group_created_idx" ON "coupons"."group_buy_group" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "group_buy_group_open_expiry_idx" ON "coupons"."group_buy_group" USING btree ("expires_at") WHERE "coupons"."group_buy_group"."status" = 'OPEN';--> statement-breakpoint
CREATE UNIQUE INDEX "group_buy_place_order_idx" ON "coupons"."group_buy_place" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_buy_place_member_idx" ON "coupons"."group_buy_place" USING btree ("group_id","member_id") WHERE "coupons"."group_buy_place"."status" <> 'RELEASED';--> statement-breakpoint
CREATE INDEX "group_buy_place_group_idx" ON "coupons"."group_buy_place" USING btree ("group_id");