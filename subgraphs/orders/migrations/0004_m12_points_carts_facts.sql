ALTER TABLE "orders"."cart" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "points_redeemed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "points_discount_minor" bigint DEFAULT 0 NOT NULL;