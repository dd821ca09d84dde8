CREATE TYPE "orders"."return_disposition" AS ENUM('RESTOCK', 'WRITE_OFF');--> statement-breakpoint
CREATE TYPE "orders"."return_opened_by" AS ENUM('CUSTOMER', 'STAFF');--> statement-breakpoint
CREATE TYPE "orders"."return_reason_code" AS ENUM('QUALITY_DEFECT', 'WRONG_ITEM', 'WRONG_SIZE', 'DAMAGED_IN_TRANSIT', 'NOT_AS_DESCRIBED', 'CHANGED_MIND', 'OTHER');--> statement-breakpoint
CREATE TYPE "orders"."return_request_kind" AS ENUM('RETURN', 'REFUND_ONLY', 'EXCHANGE');--> statement-breakpoint
CREATE TYPE "orders"."return_request_status" AS ENUM('REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED', 'REFUNDED', 'EXCHANGED', 'CLOSED');--> statement-breakpoint
CREATE TABLE "orders"."return_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"order_id" uuid NOT NULL,
	"member_id" uuid,
	"kind" "orders"."return_request_kind" NOT NULL,
	"status" "orders"."return_request_status" DEFAULT 'REQUESTED' NOT NULL,
	"reason_code" "orders"."return_reason_code" NOT NULL,
	"customer_note" text,
	"staff_note" text,
	"opened_by" "orders"."return_opened_by" NOT NULL,
	"refund_shipping" boolean DEFAULT false NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"currency_code" char(3) NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_request_number_unique" UNIQUE("number"),
	CONSTRAINT "return_request_refunded_non_negative" CHECK ("orders"."return_request"."refunded_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "orders"."return_request_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"return_request_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"received_quantity" integer DEFAULT 0 NOT NULL,
	"disposition" "orders"."return_disposition",
	"warehouse_id" uuid,
	"lot_code" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_request_line_unique" UNIQUE("return_request_id","order_line_id"),
	CONSTRAINT "return_request_line_quantity_positive" CHECK ("orders"."return_request_line"."quantity" > 0),
	CONSTRAINT "return_request_line_received_range" CHECK ("orders"."return_request_line"."received_quantity" >= 0 and "orders"."return_request_line"."received_quantity" <= "orders"."return_request_line"."quantity")
);
--> statement-breakpoint
CREATE TABLE "orders"."quality_alert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_code" text,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"defect_units" integer NOT NULL,
	"shipped_units" integer NOT NULL,
	"rate_bp" integer NOT NULL,
	"threshold_bp" integer NOT NULL,
	"window_start" timestamp (3) with time zone NOT NULL,
	"window_end" timestamp (3) with time zone NOT NULL,
	"order_ids" uuid[] NOT NULL,
	"acknowledged_at" timestamp (3) with time zone,
	"acknowledged_by_staff_id" uuid,
	"note" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."quality_settings" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"defect_reason_codes" "orders"."return_reason_code"[] NOT NULL,
	"rate_threshold_bp" integer NOT NULL,
	"window_days" integer NOT NULL,
	"min_units_shipped" integer NOT NULL,
	"updated_by_staff_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quality_settings_singleton" CHECK ("orders"."quality_settings"."singleton")
);
--> statement-breakpoint
ALTER TABLE "orders"."return_request" ADD CONSTRAINT "return_request_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."return_request_line" ADD CONSTRAINT "return_request_line_return_request_id_return_request_id_fk" FOREIGN KEY ("return_request_id") REFERENCES "orders"."return_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."return_request_line" ADD CONSTRAINT "return_request_line_order_line_id_order_line_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "orders"."order_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "return_request_order_idx" ON "orders"."return_request" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "return_request_member_idx" ON "orders"."return_request" USING btree ("member_id","created_at","id");--> statement-breakpoint
CREATE INDEX "return_request_status_created_idx" ON "orders"."return_request" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "return_request_created_idx" ON "orders"."return_request" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "return_request_line_request_idx" ON "orders"."return_request_line" USING btree ("return_request_id");--> statement-breakpoint
CREATE INDEX "return_request_line_order_line_idx" ON "orders"."return_request_line" USING btree ("order_line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_alert_open_unique" ON "orders"."quality_alert" USING btree ("product_id",coalesce("lot_code", '')) WHERE "orders"."quality_alert"."status" = 'OPEN';--> statement-breakpoint
CREATE INDEX "quality_alert_created_idx" ON "orders"."quality_alert" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "quality_alert_product_idx" ON "orders"."quality_alert" USING btree ("product_id","created_at");