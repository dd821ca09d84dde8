CREATE TYPE "members"."ledger_reason" AS ENUM('ORDER_EARN', 'EARN_REVERSAL', 'REDEMPTION', 'REDEMPTION_REVERSAL', 'REFUND', 'MANUAL', 'EXPIRY', 'OPENING_BALANCE');--> statement-breakpoint
CREATE TYPE "members"."ledger_source_kind" AS ENUM('ORDER', 'REFUND', 'STAFF', 'SCHEDULE', 'IMPORT');--> statement-breakpoint
CREATE TYPE "members"."tier_basis" AS ENUM('SPEND', 'POINTS');--> statement-breakpoint
CREATE TABLE "members"."store_credit_balance" (
	"member_id" uuid NOT NULL,
	"currency_code" char(3) NOT NULL,
	"balance_minor" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_credit_balance_member_id_currency_code_pk" PRIMARY KEY("member_id","currency_code"),
	CONSTRAINT "store_credit_balance_not_negative" CHECK ("members"."store_credit_balance"."balance_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "members"."store_credit_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"currency_code" char(3) NOT NULL,
	"delta_minor" bigint NOT NULL,
	"reason" "members"."ledger_reason" NOT NULL,
	"source_kind" "members"."ledger_source_kind" NOT NULL,
	"source_id" text NOT NULL,
	"note" text,
	"actor_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."loyalty_settings" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"currency_code" char(3) DEFAULT 'THB' NOT NULL,
	"earn_points" integer DEFAULT 1 NOT NULL,
	"earn_per_minor" bigint DEFAULT 2500 NOT NULL,
	"point_value_minor" bigint DEFAULT 25 NOT NULL,
	"points_expire_days" integer DEFAULT 365 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_settings_singleton" CHECK ("members"."loyalty_settings"."singleton"),
	CONSTRAINT "loyalty_settings_rates_positive" CHECK ("members"."loyalty_settings"."earn_points" > 0 and "members"."loyalty_settings"."earn_per_minor" > 0 and "members"."loyalty_settings"."point_value_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "members"."points_balance" (
	"member_id" uuid PRIMARY KEY NOT NULL,
	"balance" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_balance_not_negative" CHECK ("members"."points_balance"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "members"."points_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"delta" integer NOT NULL,
	"reason" "members"."ledger_reason" NOT NULL,
	"source_kind" "members"."ledger_source_kind" NOT NULL,
	"source_id" text NOT NULL,
	"note" text,
	"actor_id" text,
	"basis_minor" bigint,
	"expires_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."tier_rule" (
	"tier" "members"."member_tier" PRIMARY KEY NOT NULL,
	"basis" "members"."tier_basis" NOT NULL,
	"threshold" bigint NOT NULL,
	"window_days" integer NOT NULL,
	"multiplier_bp" integer DEFAULT 10000 NOT NULL,
	"benefits" text DEFAULT '' NOT NULL,
	"updated_by" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tier_rule_threshold_not_negative" CHECK ("members"."tier_rule"."threshold" >= 0),
	CONSTRAINT "tier_rule_window_positive" CHECK ("members"."tier_rule"."window_days" > 0),
	CONSTRAINT "tier_rule_multiplier_positive" CHECK ("members"."tier_rule"."multiplier_bp" > 0)
);
--> statement-breakpoint
ALTER TABLE "members"."store_credit_balance" ADD CONSTRAINT "store_credit_balance_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."store_credit_entry" ADD CONSTRAINT "store_credit_entry_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."points_balance" ADD CONSTRAINT "points_balance_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."points_entry" ADD CONSTRAINT "points_entry_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "store_credit_entry_member_idx" ON "members"."store_credit_entry" USING btree ("member_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "store_credit_entry_source_once" ON "members"."store_credit_entry" USING btree ("reason","source_kind","source_id") WHERE "members"."store_credit_entry"."source_kind" <> 'STAFF';--> statement-breakpoint
CREATE INDEX "points_entry_member_idx" ON "members"."points_entry" USING btree ("member_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "points_entry_source_once" ON "members"."points_entry" USING btree ("reason","source_kind","source_id") WHERE "members"."points_entry"."source_kind" <> 'STAFF';--> statement-breakpoint
ALTER TABLE "members"."member" DROP COLUMN "points";