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
ALTER TABLE "coupons"."flash_sale_bucket" ADD CONSTRAINT "flash_sale_bucket_item_id_flash_sale_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "coupons"."flash_sale_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons"."flash_sale_item" ADD CONSTRAINT "flash_sale_item_flash_sale_id_flash_sale_id_fk" FOREIGN KEY ("flash_sale_id") REFERENCES "coupons"."flash_sale"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons"."flash_sale_member_use" ADD CONSTRAINT "flash_sale_member_use_item_id_flash_sale_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "coupons"."flash_sale_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons"."flash_sale_take" ADD CONSTRAINT "flash_sale_take_item_id_flash_sale_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "coupons"."flash_sale_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flash_sale_window_idx" ON "coupons"."flash_sale" USING btree ("ends_at","starts_at");--> statement-breakpoint
CREATE INDEX "flash_sale_created_idx" ON "coupons"."flash_sale" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "flash_sale_item_variant_idx" ON "coupons"."flash_sale_item" USING btree ("flash_sale_id","variant_id") WHERE "coupons"."flash_sale_item"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "flash_sale_item_variant_lookup_idx" ON "coupons"."flash_sale_item" USING btree ("variant_id");--> statement-breakpoint
CREATE INDEX "flash_sale_take_item_idx" ON "coupons"."flash_sale_take" USING btree ("item_id");