CREATE TYPE "orders"."order_flag_reason" AS ENUM('HIGH_TOTAL', 'REPEATED_ADDRESS', 'REPEATED_PHONE', 'INCOMPLETE_ADDRESS', 'PAYMENT_MISMATCH', 'FIRST_ORDER_HIGH_TOTAL', 'MANUAL_HOLD');--> statement-breakpoint
CREATE TYPE "orders"."order_flag_rule" AS ENUM('HIGH_TOTAL', 'REPEATED_ADDRESS', 'REPEATED_PHONE', 'INCOMPLETE_ADDRESS', 'PAYMENT_MISMATCH', 'FIRST_ORDER_HIGH_TOTAL');--> statement-breakpoint
CREATE TYPE "orders"."order_flag_stage" AS ENUM('PLACEMENT', 'PAYMENT', 'MANUAL');--> statement-breakpoint
CREATE TYPE "orders"."payment_method" AS ENUM('BANK_TRANSFER', 'CASH_ON_DELIVERY', 'CASH', 'CARD_TERMINAL', 'CARD', 'MARKETPLACE', 'OTHER');--> statement-breakpoint
CREATE TYPE "orders"."payment_provider" AS ENUM('MANUAL', 'SANDBOX');--> statement-breakpoint
CREATE TYPE "orders"."payment_status" AS ENUM('PENDING', 'AUTHORIZED', 'CAPTURED', 'DECLINED', 'VOIDED');--> statement-breakpoint
CREATE TYPE "orders"."payment_transaction_kind" AS ENUM('AUTHORIZATION', 'CAPTURE', 'REFUND', 'VOID');--> statement-breakpoint
CREATE SEQUENCE "orders"."order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100001 CACHE 1;--> statement-breakpoint
CREATE TABLE "orders"."cart" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid,
	"channel" "orders"."order_channel" NOT NULL,
	"currency_code" char(3) NOT NULL,
	"shipping_method" text,
	"ship_name" text,
	"ship_phone" text,
	"ship_phone_digits" text,
	"ship_line1" text,
	"ship_line2" text,
	"ship_city" text,
	"ship_region" text,
	"ship_postal_code" text,
	"ship_country" char(2),
	"email" text,
	"order_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."cart_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cart_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cart_line_variant_unique" UNIQUE("cart_id","variant_id"),
	CONSTRAINT "cart_line_quantity_positive" CHECK ("orders"."cart_line"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders"."checkout_key" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"order_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkout_key_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "orders"."order_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"from_status" "orders"."order_status",
	"to_status" "orders"."order_status",
	"note" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."order_flag_rule_setting" (
	"rule" "orders"."order_flag_rule" PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"threshold_minor" bigint,
	"currency_code" char(3),
	"max_orders" integer,
	"window_minutes" integer,
	"updated_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."order_fingerprint" (
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"digest" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_fingerprint_order_id_kind_pk" PRIMARY KEY("order_id","kind")
);
--> statement-breakpoint
CREATE TABLE "orders"."order_flag" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"reason" "orders"."order_flag_reason" NOT NULL,
	"stage" "orders"."order_flag_stage" NOT NULL,
	"message" text NOT NULL,
	"raised_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp (3) with time zone,
	"cleared_by" text,
	"clear_note" text
);
--> statement-breakpoint
CREATE TABLE "orders"."payment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"provider" "orders"."payment_provider" NOT NULL,
	"method" "orders"."payment_method",
	"status" "orders"."payment_status" DEFAULT 'PENDING' NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency_code" char(3) NOT NULL,
	"provider_reference" text,
	"card_brand" text,
	"card_last4" char(4),
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."payment_transaction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" "orders"."payment_transaction_kind" NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency_code" char(3) NOT NULL,
	"provider_reference" text,
	"note" text,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_transaction_provider_reference_unique" UNIQUE("provider_reference"),
	CONSTRAINT "payment_transaction_amount_positive" CHECK ("orders"."payment_transaction"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders"."payment_webhook_event" (
	"provider" "orders"."payment_provider" NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_webhook_event_provider_event_id_pk" PRIMARY KEY("provider","event_id")
);
--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "subtotal_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "shipping_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "discount_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "tax_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "shipping_method" text;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "ship_name" text;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "ship_phone" text;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "ship_phone_digits" text;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "ship_line1" text;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "ship_line2" text;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "ship_city" text;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "ship_region" text;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "ship_postal_code" text;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "ship_country" char(2);--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "carrier" text;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "tracking_number" text;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "marketplace" text;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "external_order_id" text;--> statement-breakpoint
ALTER TABLE "orders"."order" ADD COLUMN "cart_id" uuid;--> statement-breakpoint
ALTER TABLE "orders"."order_line" ADD COLUMN "product_id" uuid;--> statement-breakpoint
ALTER TABLE "orders"."order_line" ADD COLUMN "product_title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."order_line" ADD COLUMN "variant_title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."order_line" ADD COLUMN "options" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."cart_line" ADD CONSTRAINT "cart_line_cart_id_cart_id_fk" FOREIGN KEY ("cart_id") REFERENCES "orders"."cart"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."checkout_key" ADD CONSTRAINT "checkout_key_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."order_history" ADD CONSTRAINT "order_history_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."order_fingerprint" ADD CONSTRAINT "order_fingerprint_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."order_flag" ADD CONSTRAINT "order_flag_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."payment" ADD CONSTRAINT "payment_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."payment_transaction" ADD CONSTRAINT "payment_transaction_payment_id_payment_id_fk" FOREIGN KEY ("payment_id") REFERENCES "orders"."payment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders"."payment_transaction" ADD CONSTRAINT "payment_transaction_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_history_order_idx" ON "orders"."order_history" USING btree ("order_id","created_at","id");--> statement-breakpoint
CREATE INDEX "order_fingerprint_digest_idx" ON "orders"."order_fingerprint" USING btree ("kind","digest","created_at");--> statement-breakpoint
CREATE INDEX "order_flag_order_idx" ON "orders"."order_flag" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "order_flag_open_idx" ON "orders"."order_flag" USING btree ("order_id") WHERE "orders"."order_flag"."cleared_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "order_flag_rule_once" ON "orders"."order_flag" USING btree ("order_id","reason") WHERE "orders"."order_flag"."reason" <> 'MANUAL_HOLD';--> statement-breakpoint
CREATE INDEX "payment_order_idx" ON "orders"."payment" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_provider_reference_unique" ON "orders"."payment" USING btree ("provider","provider_reference");--> statement-breakpoint
CREATE INDEX "payment_transaction_order_idx" ON "orders"."payment_transaction" USING btree ("order_id","kind");--> statement-breakpoint
CREATE INDEX "payment_transaction_payment_idx" ON "orders"."payment_transaction" USING btree ("payment_id","created_at");--> statement-breakpoint
CREATE INDEX "order_status_created_idx" ON "orders"."order" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "order_channel_created_idx" ON "orders"."order" USING btree ("channel","created_at","id");--> statement-breakpoint
CREATE INDEX "order_tags_idx" ON "orders"."order" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "order_phone_idx" ON "orders"."order" USING btree ("ship_phone_digits");--> statement-breakpoint
CREATE INDEX "order_name_idx" ON "orders"."order" USING btree ((lower("ship_name") collate "C"));--> statement-breakpoint
CREATE INDEX "order_tracking_idx" ON "orders"."order" USING btree ("tracking_number");--> statement-breakpoint
ALTER TABLE "orders"."order" ADD CONSTRAINT "order_cart_id_unique" UNIQUE("cart_id");--> statement-breakpoint
ALTER TABLE "orders"."order" ADD CONSTRAINT "order_marketplace_external_unique" UNIQUE("marketplace","external_order_id");