CREATE TYPE "orders"."return_close_reason" AS ENUM('CUSTOMER_WITHDREW', 'NO_REPLY', 'OTHER');--> statement-breakpoint
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
ALTER TABLE "orders"."return_request" ADD COLUMN "close_reason" "orders"."return_close_reason";--> statement-breakpoint
ALTER TABLE "orders"."return_photo" ADD CONSTRAINT "return_photo_return_request_id_return_request_id_fk" FOREIGN KEY ("return_request_id") REFERENCES "orders"."return_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "return_photo_request_idx" ON "orders"."return_photo" USING btree ("return_request_id","position");--> statement-breakpoint
CREATE INDEX "return_photo_unattached_idx" ON "orders"."return_photo" USING btree ("created_at") WHERE "orders"."return_photo"."return_request_id" is null;