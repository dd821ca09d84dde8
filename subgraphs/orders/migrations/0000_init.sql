-- IF NOT EXISTS: the migrator creates this schema first to hold its ledger (orders.__drizzle_migrations).
CREATE SCHEMA IF NOT EXISTS "orders";
--> statement-breakpoint
CREATE TYPE "orders"."order_channel" AS ENUM('ONLINE_STORE', 'MINI_PROGRAM', 'MOBILE_APP', 'POINT_OF_SALE', 'MARKETPLACE');--> statement-breakpoint
CREATE TYPE "orders"."order_status" AS ENUM('PENDING_PAYMENT', 'PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED', 'CLOSED');--> statement-breakpoint
CREATE TABLE "orders"."order" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"member_id" uuid,
	"channel" "orders"."order_channel" NOT NULL,
	"status" "orders"."order_status" DEFAULT 'PENDING_PAYMENT' NOT NULL,
	"total_minor" bigint NOT NULL,
	"currency_code" char(3) NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "orders"."order_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"title" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"currency_code" char(3) NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_line_quantity_positive" CHECK ("orders"."order_line"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "orders"."order_line" ADD CONSTRAINT "order_line_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_created_idx" ON "orders"."order" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "order_member_created_idx" ON "orders"."order" USING btree ("member_id","created_at","id");--> statement-breakpoint
CREATE INDEX "order_total_idx" ON "orders"."order" USING btree ("total_minor","id");--> statement-breakpoint
CREATE INDEX "order_line_order_idx" ON "orders"."order_line" USING btree ("order_id","position");