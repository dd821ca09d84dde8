ALTER TYPE "coupons"."coupon_kind" ADD VALUE 'FREE_SHIPPING';--> statement-breakpoint
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
ALTER TABLE "coupons"."coupon_batch" ADD CONSTRAINT "coupon_batch_coupon_id_coupon_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "coupons"."coupon"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coupon_code_member_idx" ON "coupons"."coupon_code" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "coupon_code_batch_idx" ON "coupons"."coupon_code" USING btree ("batch_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "coupon_code_batch_member_idx" ON "coupons"."coupon_code" USING btree ("batch_id","member_id") WHERE "coupons"."coupon_code"."batch_id" is not null and "coupons"."coupon_code"."member_id" is not null;--> statement-breakpoint
CREATE INDEX "coupon_redemption_coupon_idx" ON "coupons"."coupon_redemption" USING btree ("coupon_id","redeemed_at");--> statement-breakpoint
CREATE INDEX "coupon_batch_coupon_idx" ON "coupons"."coupon_batch" USING btree ("coupon_id","created_at");--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_value_not_negative" CHECK ("coupons"."coupon"."value" >= 0);--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_cap_positive" CHECK ("coupons"."coupon"."max_discount_minor" is null or "coupons"."coupon"."max_discount_minor" > 0);--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_scope_kind" CHECK ("coupons"."coupon"."scope_kind" in ('ALL', 'CATEGORIES', 'PRODUCTS', 'COLLECTIONS'));--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_issued_within_quantity" CHECK ("coupons"."coupon"."total_quantity" is null or "coupons"."coupon"."issued_count" <= "coupons"."coupon"."total_quantity");--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_redeemed_within_quantity" CHECK ("coupons"."coupon"."total_quantity" is null or "coupons"."coupon"."redeemed_count" <= "coupons"."coupon"."total_quantity");--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_counts_not_negative" CHECK ("coupons"."coupon"."issued_count" >= 0 and "coupons"."coupon"."redeemed_count" >= 0);--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_quantity_positive" CHECK ("coupons"."coupon"."total_quantity" is null or "coupons"."coupon"."total_quantity" > 0);--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_per_member_limit_positive" CHECK ("coupons"."coupon"."per_member_limit" is null or "coupons"."coupon"."per_member_limit" > 0);--> statement-breakpoint
ALTER TABLE "coupons"."coupon" ADD CONSTRAINT "coupon_value_positive" CHECK ("coupons"."coupon"."kind"::text = 'FREE_SHIPPING' or "coupons"."coupon"."value" > 0);