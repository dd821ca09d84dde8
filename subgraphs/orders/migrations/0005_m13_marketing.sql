CREATE TYPE "orders"."group_buy_outcome" AS ENUM('WAITING', 'SUCCEEDED', 'FAILED');--> statement-breakpoint
CREATE TABLE "orders"."order_group_buy" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"outcome" "orders"."group_buy_outcome" DEFAULT 'WAITING' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "pricing" jsonb;--> statement-breakpoint
ALTER TABLE "orders"."cart" ADD COLUMN "coupon_codes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."order_group_buy" ADD CONSTRAINT "order_group_buy_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."order"("id") ON DELETE no action ON UPDATE no action;