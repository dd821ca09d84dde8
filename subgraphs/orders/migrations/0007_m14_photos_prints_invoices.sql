CREATE TYPE "orders"."return_close_reason" AS ENUM('CUSTOMER_WITHDREW', 'NO_REPLY', 'OTHER');--> statement-breakpoint
ALTER TYPE "orders"."batch_kind" ADD VALUE 'PRINT';--> statement-breakpoint
CREATE TABLE "orders"."return_photo" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid,
	"staff_id" text,
	"return_request_id" uuid,
	"position" integer,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_photo_one_uploader" CHECK (("orders"."return_photo"."member_id" is null) <> ("orders"."return_photo"."staff_id" is null))
);
--> statement-breakpoint
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
ALTER TABLE "orders"."return_request" ADD COLUMN "close_reason" "orders"."return_close_reason";--> statement-breakpoint
ALTER TABLE "orders"."document_print" ADD COLUMN "issued_order_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."return_photo" ADD CONSTRAINT "return_photo_return_request_id_return_request_id_fk" FOREIGN KEY ("return_request_id") REFERENCES "orders"."return_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."tax_invoice" ADD CONSTRAINT "tax_invoice_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "return_photo_request_idx" ON "orders"."return_photo" USING btree ("return_request_id","position");--> statement-breakpoint
CREATE INDEX "return_photo_unattached_idx" ON "orders"."return_photo" USING btree ("created_at") WHERE "orders"."return_photo"."return_request_id" is null;