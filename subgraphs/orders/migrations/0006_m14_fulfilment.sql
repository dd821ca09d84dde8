CREATE TYPE "orders"."return_disposition" AS ENUM('RESTOCK', 'WRITE_OFF');--> statement-breakpoint
CREATE TYPE "orders"."return_opened_by" AS ENUM('CUSTOMER', 'STAFF');--> statement-breakpoint
CREATE TYPE "orders"."return_reason_code" AS ENUM('QUALITY_DEFECT', 'WRONG_ITEM', 'WRONG_SIZE', 'DAMAGED_IN_TRANSIT', 'NOT_AS_DESCRIBED', 'CHANGED_MIND', 'OTHER');--> statement-breakpoint
CREATE TYPE "orders"."return_request_kind" AS ENUM('RETURN', 'REFUND_ONLY', 'EXCHANGE');--> statement-breakpoint
CREATE TYPE "orders"."return_request_status" AS ENUM('REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED', 'REFUNDED', 'EXCHANGED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "orders"."batch_kind" AS ENUM('SHIP_FROM_CSV', 'BOOK', 'TAG', 'EXPORT');--> statement-breakpoint
CREATE TYPE "orders"."batch_status" AS ENUM('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');--> statement-breakpoint
CREATE TYPE "orders"."carrier_adapter" AS ENUM('manual', 'sandbox');--> statement-breakpoint
CREATE TYPE "orders"."delivery_exception_kind" AS ENUM('FAILED_DELIVERY', 'RETURNED_TO_SENDER');--> statement-breakpoint
CREATE TYPE "orders"."delivery_exception_resolution" AS ENUM('RESHIP', 'REFUND', 'CONTACTED');--> statement-breakpoint
CREATE TYPE "orders"."delivery_exception_status" AS ENUM('OPEN', 'RESOLVED');--> statement-breakpoint
CREATE TYPE "orders"."shipment_kind" AS ENUM('ORIGINAL', 'REPLACEMENT');--> statement-breakpoint
CREATE TYPE "orders"."shipment_status" AS ENUM('PENDING', 'BOOKED', 'SHIPPED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'FAILED_ATTEMPT', 'RETURNED_TO_SENDER');--> statement-breakpoint
CREATE TYPE "orders"."tracking_event_source" AS ENUM('CARRIER', 'STAFF');--> statement-breakpoint
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
CREATE TABLE "orders"."batch_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "orders"."batch_kind" NOT NULL,
	"status" "orders"."batch_status" DEFAULT 'QUEUED' NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"input" jsonb NOT NULL,
	"result_format" text,
	"result_has_contact" boolean DEFAULT false NOT NULL,
	"message" text,
	"started_by" text,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."batch_run_row" (
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"row" integer,
	"order_number" text,
	"code" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "batch_run_row_run_id_seq_pk" PRIMARY KEY("run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "orders"."carrier" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"tracking_url_template" text,
	"adapter" "orders"."carrier_adapter" DEFAULT 'manual' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."delivery_exception" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shipment_id" uuid NOT NULL,
	"kind" "orders"."delivery_exception_kind" NOT NULL,
	"status" "orders"."delivery_exception_status" DEFAULT 'OPEN' NOT NULL,
	"resolution" "orders"."delivery_exception_resolution",
	"note" text,
	"resolved_by_staff_id" uuid,
	"resolved_at" timestamp (3) with time zone,
	"reshipment_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."document_print" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"locale" text NOT NULL,
	"order_ids" uuid[] NOT NULL,
	"requested_by_kind" text NOT NULL,
	"requested_by_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
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
CREATE TABLE "orders"."parcel" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"carrier_code" text NOT NULL,
	"tracking_number" text,
	"member_id" uuid,
	"address_fingerprint" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."shipment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"number" text NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"carrier_code" text NOT NULL,
	"service" text,
	"tracking_number" text,
	"parcel_id" uuid,
	"kind" "orders"."shipment_kind" DEFAULT 'ORIGINAL' NOT NULL,
	"status" "orders"."shipment_status" DEFAULT 'PENDING' NOT NULL,
	"shipped_at" timestamp (3) with time zone,
	"delivered_at" timestamp (3) with time zone,
	"return_request_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipment_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "orders"."shipment_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shipment_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"lot_code" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipment_line_quantity_positive" CHECK ("orders"."shipment_line"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders"."tracking_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shipment_id" uuid NOT NULL,
	"status" "orders"."shipment_status" NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"location" text,
	"source" "orders"."tracking_event_source" NOT NULL,
	"carrier_code" text NOT NULL,
	"external_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracking_event_external_unique" UNIQUE("carrier_code","external_id","shipment_id")
);
--> statement-breakpoint
ALTER TABLE "orders"."return_request" ADD CONSTRAINT "return_request_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."return_request_line" ADD CONSTRAINT "return_request_line_return_request_id_return_request_id_fk" FOREIGN KEY ("return_request_id") REFERENCES "orders"."return_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."return_request_line" ADD CONSTRAINT "return_request_line_order_line_id_order_line_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "orders"."order_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."batch_run_row" ADD CONSTRAINT "batch_run_row_run_id_batch_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "orders"."batch_run"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."delivery_exception" ADD CONSTRAINT "delivery_exception_shipment_id_shipment_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "orders"."shipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."delivery_exception" ADD CONSTRAINT "delivery_exception_reshipment_id_shipment_id_fk" FOREIGN KEY ("reshipment_id") REFERENCES "orders"."shipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."parcel" ADD CONSTRAINT "parcel_carrier_code_carrier_code_fk" FOREIGN KEY ("carrier_code") REFERENCES "orders"."carrier"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."shipment" ADD CONSTRAINT "shipment_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."shipment" ADD CONSTRAINT "shipment_carrier_code_carrier_code_fk" FOREIGN KEY ("carrier_code") REFERENCES "orders"."carrier"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."shipment" ADD CONSTRAINT "shipment_parcel_id_parcel_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "orders"."parcel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."shipment_line" ADD CONSTRAINT "shipment_line_shipment_id_shipment_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "orders"."shipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."shipment_line" ADD CONSTRAINT "shipment_line_order_line_id_order_line_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "orders"."order_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."tracking_event" ADD CONSTRAINT "tracking_event_shipment_id_shipment_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "orders"."shipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."tracking_event" ADD CONSTRAINT "tracking_event_carrier_code_carrier_code_fk" FOREIGN KEY ("carrier_code") REFERENCES "orders"."carrier"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "return_request_order_idx" ON "orders"."return_request" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "return_request_member_idx" ON "orders"."return_request" USING btree ("member_id","created_at","id");--> statement-breakpoint
CREATE INDEX "return_request_status_created_idx" ON "orders"."return_request" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "return_request_created_idx" ON "orders"."return_request" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "return_request_line_request_idx" ON "orders"."return_request_line" USING btree ("return_request_id");--> statement-breakpoint
CREATE INDEX "return_request_line_order_line_idx" ON "orders"."return_request_line" USING btree ("order_line_id");--> statement-breakpoint
CREATE INDEX "batch_run_created_idx" ON "orders"."batch_run" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "delivery_exception_status_idx" ON "orders"."delivery_exception" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "delivery_exception_shipment_idx" ON "orders"."delivery_exception" USING btree ("shipment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_alert_open_unique" ON "orders"."quality_alert" USING btree ("product_id",coalesce("lot_code", '')) WHERE "orders"."quality_alert"."status" = 'OPEN';--> statement-breakpoint
CREATE INDEX "quality_alert_created_idx" ON "orders"."quality_alert" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "quality_alert_product_idx" ON "orders"."quality_alert" USING btree ("product_id","created_at");--> statement-breakpoint
CREATE INDEX "parcel_tracking_idx" ON "orders"."parcel" USING btree ("carrier_code","tracking_number");--> statement-breakpoint
CREATE INDEX "shipment_order_idx" ON "orders"."shipment" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "shipment_tracking_idx" ON "orders"."shipment" USING btree ("carrier_code","tracking_number");--> statement-breakpoint
CREATE INDEX "shipment_status_idx" ON "orders"."shipment" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "shipment_parcel_idx" ON "orders"."shipment" USING btree ("parcel_id");--> statement-breakpoint
CREATE INDEX "shipment_line_shipment_idx" ON "orders"."shipment_line" USING btree ("shipment_id");--> statement-breakpoint
CREATE INDEX "shipment_line_order_line_idx" ON "orders"."shipment_line" USING btree ("order_line_id");--> statement-breakpoint
CREATE INDEX "tracking_event_shipment_idx" ON "orders"."tracking_event" USING btree ("shipment_id","occurred_at");