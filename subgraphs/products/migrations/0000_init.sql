-- IF NOT EXISTS: the migrator creates this schema first to hold its ledger (products.__drizzle_migrations).
CREATE SCHEMA IF NOT EXISTS "products";
--> statement-breakpoint
CREATE TYPE "products"."product_status" AS ENUM('DRAFT', 'ACTIVE', 'ARCHIVED');--> statement-breakpoint
CREATE TABLE "products"."product" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"handle" text NOT NULL,
	"status" "products"."product_status" DEFAULT 'DRAFT' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_handle_unique" UNIQUE("handle")
);
--> statement-breakpoint
CREATE TABLE "products"."variant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"title" text NOT NULL,
	"price_minor" bigint NOT NULL,
	"currency_code" char(3) NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "variant_sku_unique" UNIQUE("sku")
);
--> statement-breakpoint
ALTER TABLE "products"."variant" ADD CONSTRAINT "variant_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "products"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_created_idx" ON "products"."product" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "product_title_idx" ON "products"."product" USING btree ("title","id");--> statement-breakpoint
CREATE INDEX "product_title_trgm_idx" ON "products"."product" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "variant_product_idx" ON "products"."variant" USING btree ("product_id","position");