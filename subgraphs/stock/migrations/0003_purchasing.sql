CREATE TYPE "stock"."purchase_order_status" AS ENUM('DRAFT', 'ORDERED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED', 'CANCELLED');--> statement-breakpoint
CREATE SEQUENCE "stock"."purchase_order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "stock"."purchase_order" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"supplier_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"status" "stock"."purchase_order_status" DEFAULT 'DRAFT' NOT NULL,
	"currency_code" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_order_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "stock"."purchase_order_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purchase_order_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"quantity_ordered" integer NOT NULL,
	"quantity_received" integer DEFAULT 0 NOT NULL,
	"unit_cost_minor" bigint NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_order_line_variant_unique" UNIQUE("purchase_order_id","variant_id"),
	CONSTRAINT "purchase_order_line_ordered_positive" CHECK ("stock"."purchase_order_line"."quantity_ordered" > 0),
	CONSTRAINT "purchase_order_line_received_within_ordered" CHECK ("stock"."purchase_order_line"."quantity_received" >= 0 and "stock"."purchase_order_line"."quantity_received" <= "stock"."purchase_order_line"."quantity_ordered"),
	CONSTRAINT "purchase_order_line_cost_nonnegative" CHECK ("stock"."purchase_order_line"."unit_cost_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stock"."supplier" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"contact_name" text,
	"email" text,
	"phone" text,
	"lead_time_days" integer NOT NULL,
	"currency_code" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supplier_lead_time_nonnegative" CHECK ("stock"."supplier"."lead_time_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stock"."supplier_product" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supplier_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"cost_minor" bigint NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supplier_product_supplier_variant_unique" UNIQUE("supplier_id","variant_id"),
	CONSTRAINT "supplier_product_cost_nonnegative" CHECK ("stock"."supplier_product"."cost_minor" >= 0)
);
--> statement-breakpoint
ALTER TABLE "stock"."purchase_order" ADD CONSTRAINT "purchase_order_supplier_id_supplier_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "stock"."supplier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock"."purchase_order" ADD CONSTRAINT "purchase_order_warehouse_id_warehouse_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "stock"."warehouse"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock"."purchase_order_line" ADD CONSTRAINT "purchase_order_line_purchase_order_id_purchase_order_id_fk" FOREIGN KEY ("purchase_order_id") REFERENCES "stock"."purchase_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock"."supplier_product" ADD CONSTRAINT "supplier_product_supplier_id_supplier_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "stock"."supplier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "purchase_order_created_idx" ON "stock"."purchase_order" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "purchase_order_status_idx" ON "stock"."purchase_order" USING btree ("status");--> statement-breakpoint
CREATE INDEX "purchase_order_line_variant_idx" ON "stock"."purchase_order_line" USING btree ("variant_id");--> statement-breakpoint
CREATE INDEX "supplier_product_variant_idx" ON "stock"."supplier_product" USING btree ("variant_id");