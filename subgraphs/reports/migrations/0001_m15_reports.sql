CREATE TABLE "reports"."order_line_fact" (
	"order_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"product_id" uuid,
	"variant_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"net_minor" bigint NOT NULL,
	CONSTRAINT "order_line_fact_order_id_line_id_pk" PRIMARY KEY("order_id","line_id")
);
--> statement-breakpoint
CREATE TABLE "reports"."product_rollup" (
	"day" date NOT NULL,
	"currency_code" char(3) NOT NULL,
	"product_id" text NOT NULL,
	"channel" text NOT NULL,
	"warehouse_id" text DEFAULT '' NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"member_tier" text DEFAULT '' NOT NULL,
	"units" integer NOT NULL,
	"revenue_minor" bigint NOT NULL,
	CONSTRAINT "product_rollup_currency_code_day_product_id_channel_warehouse_id_region_member_tier_pk" PRIMARY KEY("currency_code","day","product_id","channel","warehouse_id","region","member_tier")
);
--> statement-breakpoint
CREATE TABLE "reports"."refund_fact" (
	"refund_id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"refunded_at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency_code" char(3) NOT NULL,
	"channel" text NOT NULL,
	"warehouse_id" text DEFAULT '' NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"member_tier" text DEFAULT '' NOT NULL,
	"source_updated_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports"."sales_rollup" (
	"day" date NOT NULL,
	"currency_code" char(3) NOT NULL,
	"channel" text NOT NULL,
	"warehouse_id" text DEFAULT '' NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"member_tier" text DEFAULT '' NOT NULL,
	"orders" integer NOT NULL,
	"gmv_minor" bigint NOT NULL,
	"coupon_minor" bigint NOT NULL,
	"promotion_minor" bigint NOT NULL,
	"new_members" integer NOT NULL,
	"refunds" integer NOT NULL,
	"refund_minor" bigint NOT NULL,
	CONSTRAINT "sales_rollup_currency_code_day_channel_warehouse_id_region_member_tier_pk" PRIMARY KEY("currency_code","day","channel","warehouse_id","region","member_tier")
);
--> statement-breakpoint
CREATE TABLE "reports"."traffic_fact" (
	"batch_id" text NOT NULL,
	"day" date NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"campaign" text DEFAULT '' NOT NULL,
	"visitor_hash" text NOT NULL,
	"page_views" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "traffic_fact_batch_id_day_source_campaign_visitor_hash_pk" PRIMARY KEY("batch_id","day","source","campaign","visitor_hash")
);
--> statement-breakpoint
CREATE TABLE "reports"."anomaly_alert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"direction" text NOT NULL,
	"day" date NOT NULL,
	"value" numeric NOT NULL,
	"baseline" numeric NOT NULL,
	"deviation" double precision NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "anomaly_alert_rule_day_key" UNIQUE("rule_id","day")
);
--> statement-breakpoint
CREATE TABLE "reports"."anomaly_rule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"metric" text NOT NULL,
	"direction" text NOT NULL,
	"threshold" double precision DEFAULT 3.5 NOT NULL,
	"lookback_weeks" integer DEFAULT 8 NOT NULL,
	"min_relative_spread" double precision DEFAULT 0.1 NOT NULL,
	"min_spread" double precision DEFAULT 1 NOT NULL,
	"currency_code" char(3) NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "anomaly_rule_metric_key" UNIQUE("metric","direction","currency_code")
);
--> statement-breakpoint
CREATE TABLE "reports"."report_export" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requested_by" text NOT NULL,
	"run_scopes" text[] NOT NULL,
	"query" jsonb NOT NULL,
	"format" text NOT NULL,
	"status" text DEFAULT 'QUEUED' NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"row_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports"."saved_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"shared_with_roles" text[] DEFAULT '{}' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports"."report_delivery" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" text DEFAULT 'QUEUED' NOT NULL,
	"row_count" integer,
	"error_code" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_delivery_period_key" UNIQUE("schedule_id","period_from")
);
--> statement-breakpoint
CREATE TABLE "reports"."report_schedule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"saved_report_id" uuid NOT NULL,
	"frequency" text NOT NULL,
	"at" text NOT NULL,
	"delivery" text NOT NULL,
	"target" text NOT NULL,
	"format" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" text NOT NULL,
	"run_scopes" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_schedule_at_check" CHECK ("reports"."report_schedule"."at" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
-- Facts are copies: the old ones lack the shop day and keys, so they go; `pnpm reports:rebuild --refacts` asks orders to send them again.
DELETE FROM "reports"."order_fact";--> statement-breakpoint
ALTER TABLE "reports"."order_fact" ADD COLUMN "day" date NOT NULL;--> statement-breakpoint
ALTER TABLE "reports"."order_fact" ADD COLUMN "counted" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "reports"."order_fact" ADD COLUMN "coupon_discount_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reports"."order_fact" ADD COLUMN "promotion_discount_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reports"."order_fact" ADD COLUMN "member_id" uuid;--> statement-breakpoint
ALTER TABLE "reports"."order_fact" ADD COLUMN "warehouse_id" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports"."order_fact" ADD COLUMN "region" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports"."order_fact" ADD COLUMN "member_tier" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports"."order_fact" ADD COLUMN "source_updated_at" timestamp (3) with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "reports"."order_line_fact" ADD CONSTRAINT "order_line_fact_order_id_order_fact_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "reports"."order_fact"("order_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports"."anomaly_alert" ADD CONSTRAINT "anomaly_alert_rule_id_anomaly_rule_id_fk" FOREIGN KEY ("rule_id") REFERENCES "reports"."anomaly_rule"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports"."report_delivery" ADD CONSTRAINT "report_delivery_schedule_id_report_schedule_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "reports"."report_schedule"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports"."report_schedule" ADD CONSTRAINT "report_schedule_saved_report_id_saved_report_id_fk" FOREIGN KEY ("saved_report_id") REFERENCES "reports"."saved_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refund_fact_day_idx" ON "reports"."refund_fact" USING btree ("currency_code","day");--> statement-breakpoint
CREATE INDEX "refund_fact_order_idx" ON "reports"."refund_fact" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "traffic_fact_day_idx" ON "reports"."traffic_fact" USING btree ("day");--> statement-breakpoint
CREATE INDEX "anomaly_alert_status_idx" ON "reports"."anomaly_alert" USING btree ("status","raised_at");--> statement-breakpoint
CREATE INDEX "report_export_requested_by_idx" ON "reports"."report_export" USING btree ("requested_by","created_at");--> statement-breakpoint
CREATE INDEX "saved_report_created_by_idx" ON "reports"."saved_report" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "report_schedule_saved_report_idx" ON "reports"."report_schedule" USING btree ("saved_report_id");--> statement-breakpoint
CREATE INDEX "order_fact_day_idx" ON "reports"."order_fact" USING btree ("currency_code","day");--> statement-breakpoint
CREATE INDEX "order_fact_member_idx" ON "reports"."order_fact" USING btree ("member_id","placed_at") WHERE "reports"."order_fact"."counted" and "reports"."order_fact"."member_id" is not null;