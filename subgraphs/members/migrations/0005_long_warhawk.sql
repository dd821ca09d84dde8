ALTER TYPE "members"."ledger_reason" ADD VALUE 'BIRTHDAY';--> statement-breakpoint
ALTER TABLE "members"."loyalty_settings" ADD COLUMN "birthday_points" integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "members"."loyalty_settings" ADD COLUMN "win_back_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "members"."loyalty_settings" ADD CONSTRAINT "loyalty_settings_schedules_valid" CHECK ("members"."loyalty_settings"."birthday_points" >= 0 and "members"."loyalty_settings"."win_back_days" > 0);