ALTER TABLE "orders"."order" ADD COLUMN "pricing" jsonb;--> statement-breakpoint
ALTER TABLE "orders"."cart" ADD COLUMN "coupon_codes" text[] DEFAULT '{}' NOT NULL;