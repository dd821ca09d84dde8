CREATE TYPE "orders"."carrier_adapter" AS ENUM('manual', 'sandbox');--> statement-breakpoint
CREATE TYPE "orders"."delivery_exception_kind" AS ENUM('FAILED_DELIVERY', 'RETURNED_TO_SENDER');--> statement-breakpoint
CREATE TYPE "orders"."delivery_exception_resolution" AS ENUM('RESHIP', 'REFUND', 'CONTACTED');--> statement-breakpoint
CREATE TYPE "orders"."delivery_exception_status" AS ENUM('OPEN', 'RESOLVED');--> statement-breakpoint
CREATE TYPE "orders"."shipment_kind" AS ENUM('ORIGINAL', 'REPLACEMENT');--> statement-breakpoint
CREATE TYPE "orders"."shipment_status" AS ENUM('PENDING', 'BOOKED', 'SHIPPED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'FAILED_ATTEMPT', 'RETURNED_TO_SENDER');--> statement-breakpoint
CREATE TYPE "orders"."tracking_event_source" AS ENUM('CARRIER', 'STAFF');--> statement-breakpoint
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
CREATE INDEX "delivery_exception_status_idx" ON "orders"."delivery_exception" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "delivery_exception_shipment_idx" ON "orders"."delivery_exception" USING btree ("shipment_id");--> statement-breakpoint
CREATE INDEX "parcel_tracking_idx" ON "orders"."parcel" USING btree ("carrier_code","tracking_number");--> statement-breakpoint
CREATE INDEX "shipment_order_idx" ON "orders"."shipment" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "shipment_tracking_idx" ON "orders"."shipment" USING btree ("carrier_code","tracking_number");--> statement-breakpoint
CREATE INDEX "shipment_status_idx" ON "orders"."shipment" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "shipment_parcel_idx" ON "orders"."shipment" USING btree ("parcel_id");--> statement-breakpoint
CREATE INDEX "shipment_line_shipment_idx" ON "orders"."shipment_line" USING btree ("shipment_id");--> statement-breakpoint
CREATE INDEX "shipment_line_order_line_idx" ON "orders"."shipment_line" USING btree ("order_line_id");--> statement-breakpoint
CREATE INDEX "tracking_event_shipment_idx" ON "orders"."tracking_event" USING btree ("shipment_id","occurred_at");