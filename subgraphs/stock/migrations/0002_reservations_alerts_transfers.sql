CREATE TYPE "stock"."alert_status" AS ENUM('OPEN', 'RESOLVED');--> statement-breakpoint
CREATE TYPE "stock"."reservation_status" AS ENUM('ACTIVE', 'RELEASED', 'COMMITTED');--> statement-breakpoint
CREATE TYPE "stock"."transfer_status" AS ENUM('DRAFT', 'IN_TRANSIT', 'RECEIVED', 'CANCELLED');--> statement-breakpoint
CREATE TABLE "stock"."alert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"variant_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"status" "stock"."alert_status" DEFAULT 'OPEN' NOT NULL,
	"available" integer NOT NULL,
	"reorder_point" integer NOT NULL,
	"raised_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "stock"."reservation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"status" "stock"."reservation_status" DEFAULT 'ACTIVE' NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservation_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "stock"."reservation_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reservation_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"quantity" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock"."transfer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"from_warehouse_id" uuid NOT NULL,
	"to_warehouse_id" uuid NOT NULL,
	"status" "stock"."transfer_status" DEFAULT 'DRAFT' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfer_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "stock"."transfer_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transfer_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"quantity" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stock"."alert" ADD CONSTRAINT "alert_warehouse_id_warehouse_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "stock"."warehouse"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock"."reservation_line" ADD CONSTRAINT "reservation_line_reservation_id_reservation_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "stock"."reservation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock"."reservation_line" ADD CONSTRAINT "reservation_line_warehouse_id_warehouse_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "stock"."warehouse"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock"."transfer" ADD CONSTRAINT "transfer_from_warehouse_id_warehouse_id_fk" FOREIGN KEY ("from_warehouse_id") REFERENCES "stock"."warehouse"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock"."transfer" ADD CONSTRAINT "transfer_to_warehouse_id_warehouse_id_fk" FOREIGN KEY ("to_warehouse_id") REFERENCES "stock"."warehouse"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock"."transfer_line" ADD CONSTRAINT "transfer_line_transfer_id_transfer_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "stock"."transfer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_open_unique" ON "stock"."alert" USING btree ("variant_id","warehouse_id") WHERE "stock"."alert"."status" = 'OPEN';--> statement-breakpoint
CREATE INDEX "alert_raised_idx" ON "stock"."alert" USING btree ("raised_at","id");--> statement-breakpoint
CREATE INDEX "reservation_line_reservation_idx" ON "stock"."reservation_line" USING btree ("reservation_id");--> statement-breakpoint
CREATE INDEX "transfer_created_idx" ON "stock"."transfer" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "transfer_line_transfer_idx" ON "stock"."transfer_line" USING btree ("transfer_id");--> statement-breakpoint
ALTER TABLE "stock"."movement" DROP COLUMN "quantity";