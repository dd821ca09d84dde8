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
ALTER TABLE "reports"."anomaly_alert" ADD CONSTRAINT "anomaly_alert_rule_id_anomaly_rule_id_fk" FOREIGN KEY ("rule_id") REFERENCES "reports"."anomaly_rule"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports"."report_delivery" ADD CONSTRAINT "report_delivery_schedule_id_report_schedule_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "reports"."report_schedule"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports"."report_schedule" ADD CONSTRAINT "report_schedule_saved_report_id_saved_report_id_fk" FOREIGN KEY ("saved_report_id") REFERENCES "reports"."saved_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "anomaly_alert_status_idx" ON "reports"."anomaly_alert" USING btree ("status","raised_at");--> statement-breakpoint
CREATE INDEX "report_export_requested_by_idx" ON "reports"."report_export" USING btree ("requested_by","created_at");--> statement-breakpoint
CREATE INDEX "saved_report_created_by_idx" ON "reports"."saved_report" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "report_schedule_saved_report_idx" ON "reports"."report_schedule" USING btree ("saved_report_id");--> statement-breakpoint
CREATE INDEX "refund_fact_order_idx" ON "reports"."refund_fact" USING btree ("order_id");