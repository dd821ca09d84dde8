ALTER TYPE "orders"."batch_kind" ADD VALUE 'PRINT';--> statement-breakpoint
CREATE TABLE "orders"."tax_invoice" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"issued_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "tax_invoice_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "orders"."tax_invoice_series" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders"."document_print" ADD COLUMN "issued_order_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."tax_invoice" ADD CONSTRAINT "tax_invoice_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."order"("id") ON DELETE no action ON UPDATE no action;