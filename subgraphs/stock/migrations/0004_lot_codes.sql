CREATE TABLE "stock"."purchase_order_receipt" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purchase_order_line_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"lot_code" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_order_receipt_quantity_positive" CHECK ("stock"."purchase_order_receipt"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "stock"."purchase_order_receipt" ADD CONSTRAINT "purchase_order_receipt_purchase_order_line_id_purchase_order_line_id_fk" FOREIGN KEY ("purchase_order_line_id") REFERENCES "stock"."purchase_order_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock"."purchase_order_receipt" ADD CONSTRAINT "purchase_order_receipt_warehouse_id_warehouse_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "stock"."warehouse"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "purchase_order_receipt_line_idx" ON "stock"."purchase_order_receipt" USING btree ("purchase_order_line_id","created_at");--> statement-breakpoint
CREATE INDEX "purchase_order_receipt_variant_idx" ON "stock"."purchase_order_receipt" USING btree ("variant_id","warehouse_id","created_at");