CREATE TYPE "members"."behaviour_event_type" AS ENUM('PRODUCT_VIEW', 'ADD_TO_CART', 'SEARCH');--> statement-breakpoint
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
ALTER TABLE "members"."member_behaviour" ADD CONSTRAINT "member_behaviour_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."member_device" ADD CONSTRAINT "member_device_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "behaviour_event_device_idx" ON "members"."behaviour_event" USING btree ("device_id","occurred_at");--> statement-breakpoint
CREATE INDEX "behaviour_event_member_idx" ON "members"."behaviour_event" USING btree ("member_id","occurred_at") WHERE "members"."behaviour_event"."member_id" is not null;--> statement-breakpoint
CREATE INDEX "behaviour_event_product_idx" ON "members"."behaviour_event" USING btree ("product_id","occurred_at") WHERE "members"."behaviour_event"."product_id" is not null;--> statement-breakpoint
CREATE INDEX "behaviour_event_received_idx" ON "members"."behaviour_event" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "member_behaviour_updated_idx" ON "members"."member_behaviour" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "member_device_member_idx" ON "members"."member_device" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "member_device_updated_idx" ON "members"."member_device" USING btree ("updated_at");