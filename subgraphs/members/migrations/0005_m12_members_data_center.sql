CREATE TYPE "members"."behaviour_event_type" AS ENUM('PRODUCT_VIEW', 'ADD_TO_CART', 'SEARCH');--> statement-breakpoint
CREATE TYPE "members"."privacy_request_kind" AS ENUM('EXPORT', 'ERASE');--> statement-breakpoint
CREATE TYPE "members"."privacy_request_status" AS ENUM('PENDING', 'DONE', 'EXPIRED');--> statement-breakpoint
ALTER TYPE "members"."ledger_reason" ADD VALUE 'BIRTHDAY';--> statement-breakpoint
CREATE TABLE "members"."behaviour_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" text NOT NULL,
	"member_id" uuid,
	"type" "members"."behaviour_event_type" NOT NULL,
	"product_id" uuid,
	"query" text,
	"source" text,
	"campaign" text,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."behaviour_summary_run" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"covered_until" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."member_behaviour" (
	"member_id" uuid NOT NULL,
	"window_days" smallint NOT NULL,
	"views" integer NOT NULL,
	"adds_to_cart" integer NOT NULL,
	"searches" integer NOT NULL,
	"last_activity_at" timestamp (3) with time zone,
	"top_products" jsonb NOT NULL,
	"top_sources" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_behaviour_member_id_window_days_pk" PRIMARY KEY("member_id","window_days")
);
--> statement-breakpoint
CREATE TABLE "members"."member_device" (
	"device_id" text PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"previous_member_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."product_engagement" (
	"product_id" uuid NOT NULL,
	"window_days" smallint NOT NULL,
	"views" integer NOT NULL,
	"adds_to_cart" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_engagement_product_id_window_days_pk" PRIMARY KEY("product_id","window_days")
);
--> statement-breakpoint
CREATE TABLE "members"."notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"member_id" uuid NOT NULL,
	"template" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "members"."password_reset" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"token_hash" text,
	"expires_at" timestamp (3) with time zone,
	"used_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "password_reset_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "members"."privacy_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" "members"."privacy_request_kind" NOT NULL,
	"status" "members"."privacy_request_status" DEFAULT 'PENDING' NOT NULL,
	"reason" text,
	"requested_by" uuid,
	"completed_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."privacy_request_part" (
	"request_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"data" jsonb,
	"done_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_request_part_request_id_domain_pk" PRIMARY KEY("request_id","domain")
);
--> statement-breakpoint
CREATE TABLE "members"."product_neighbour" (
	"product_id" uuid NOT NULL,
	"neighbour_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"co_count" integer NOT NULL,
	CONSTRAINT "product_neighbour_product_id_neighbour_id_pk" PRIMARY KEY("product_id","neighbour_id")
);
--> statement-breakpoint
CREATE TABLE "members"."segment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"rules" jsonb NOT NULL,
	"size" integer DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp (3) with time zone,
	"archived_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."segment_member" (
	"segment_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_member_segment_id_member_id_pk" PRIMARY KEY("segment_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "members"."member_order" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid,
	"status" text NOT NULL,
	"placed_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"total_minor" bigint NOT NULL,
	"currency_code" char(3) NOT NULL,
	"channel" text NOT NULL,
	"country_code" char(2),
	"coupon_used" boolean DEFAULT false NOT NULL,
	"product_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"category_ids" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."member_statistics" (
	"member_id" uuid NOT NULL,
	"currency_code" char(3) NOT NULL,
	"orders_count" integer NOT NULL,
	"total_spent_minor" bigint NOT NULL,
	"average_order_minor" bigint NOT NULL,
	"first_order_at" timestamp (3) with time zone NOT NULL,
	"last_order_at" timestamp (3) with time zone NOT NULL,
	"favourite_category_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_statistics_member_id_currency_code_pk" PRIMARY KEY("member_id","currency_code")
);
--> statement-breakpoint
CREATE TABLE "members"."wishlist_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members"."loyalty_settings" ADD COLUMN "birthday_points" integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "members"."loyalty_settings" ADD COLUMN "win_back_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "members"."member_behaviour" ADD CONSTRAINT "member_behaviour_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."member_device" ADD CONSTRAINT "member_device_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."notification" ADD CONSTRAINT "notification_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."password_reset" ADD CONSTRAINT "password_reset_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."privacy_request" ADD CONSTRAINT "privacy_request_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."privacy_request_part" ADD CONSTRAINT "privacy_request_part_request_id_privacy_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "members"."privacy_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."segment_member" ADD CONSTRAINT "segment_member_segment_id_segment_id_fk" FOREIGN KEY ("segment_id") REFERENCES "members"."segment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."segment_member" ADD CONSTRAINT "segment_member_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."wishlist_item" ADD CONSTRAINT "wishlist_item_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "behaviour_event_device_idx" ON "members"."behaviour_event" USING btree ("device_id","occurred_at");--> statement-breakpoint
CREATE INDEX "behaviour_event_member_idx" ON "members"."behaviour_event" USING btree ("member_id","occurred_at") WHERE "members"."behaviour_event"."member_id" is not null;--> statement-breakpoint
CREATE INDEX "behaviour_event_product_idx" ON "members"."behaviour_event" USING btree ("product_id","occurred_at") WHERE "members"."behaviour_event"."product_id" is not null;--> statement-breakpoint
CREATE INDEX "behaviour_event_received_idx" ON "members"."behaviour_event" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "member_behaviour_updated_idx" ON "members"."member_behaviour" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "member_device_member_idx" ON "members"."member_device" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "member_device_updated_idx" ON "members"."member_device" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "notification_member_idx" ON "members"."notification" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "password_reset_member_idx" ON "members"."password_reset" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "privacy_request_member_idx" ON "members"."privacy_request" USING btree ("member_id","created_at","id");--> statement-breakpoint
CREATE INDEX "privacy_request_part_data_idx" ON "members"."privacy_request_part" USING btree ("request_id") WHERE "members"."privacy_request_part"."data" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "segment_name_active_idx" ON "members"."segment" USING btree (lower("name")) WHERE "members"."segment"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "segment_created_idx" ON "members"."segment" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "segment_name_idx" ON "members"."segment" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "segment_member_member_idx" ON "members"."segment_member" USING btree ("member_id","segment_id");--> statement-breakpoint
CREATE INDEX "member_order_member_idx" ON "members"."member_order" USING btree ("member_id","placed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wishlist_item_member_product_idx" ON "members"."wishlist_item" USING btree ("member_id","product_id");--> statement-breakpoint
CREATE INDEX "wishlist_item_member_created_idx" ON "members"."wishlist_item" USING btree ("member_id","created_at","id");--> statement-breakpoint
CREATE INDEX "member_phone_e164_idx" ON "members"."member" USING btree ("phone_e164");--> statement-breakpoint
ALTER TABLE "members"."loyalty_settings" ADD CONSTRAINT "loyalty_settings_schedules_valid" CHECK ("members"."loyalty_settings"."birthday_points" >= 0 and "members"."loyalty_settings"."win_back_days" > 0);