CREATE TYPE "members"."acquisition_channel" AS ENUM('ONLINE_STORE', 'MOBILE_APP', 'MINI_PROGRAM', 'POINT_OF_SALE', 'PHONE', 'MARKETPLACE', 'REFERRAL', 'OTHER');--> statement-breakpoint
CREATE TYPE "members"."consent_channel" AS ENUM('EMAIL', 'SMS', 'LINE', 'WECHAT');--> statement-breakpoint
CREATE TYPE "members"."consent_source" AS ENUM('STOREFRONT', 'CONSOLE', 'IMPORT', 'MERGE');--> statement-breakpoint
CREATE TYPE "members"."member_gender" AS ENUM('FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED');--> statement-breakpoint
CREATE TYPE "members"."member_locale" AS ENUM('en', 'th', 'zh-CN', 'zh-TW', 'ar');--> statement-breakpoint
CREATE TYPE "members"."contact_channel" AS ENUM('CALL', 'CHAT', 'EMAIL', 'LINE', 'WECHAT', 'VISIT');--> statement-breakpoint
CREATE TABLE "members"."member_consent" (
	"member_id" uuid NOT NULL,
	"channel" "members"."consent_channel" NOT NULL,
	"granted" boolean NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_consent_member_id_channel_pk" PRIMARY KEY("member_id","channel")
);
--> statement-breakpoint
CREATE TABLE "members"."member_consent_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"channel" "members"."consent_channel" NOT NULL,
	"granted" boolean NOT NULL,
	"source" "members"."consent_source" NOT NULL,
	"staff_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."customer_address" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"line1" text NOT NULL,
	"line2" text,
	"city" text NOT NULL,
	"region" text,
	"postal_code" text,
	"country" char(2) NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."contact_log_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"channel" "members"."contact_channel" NOT NULL,
	"staff_id" uuid NOT NULL,
	"summary" text NOT NULL,
	"follow_up_on" date,
	"follow_up_done" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members"."member" ADD COLUMN "given_name" text;--> statement-breakpoint
ALTER TABLE "members"."member" ADD COLUMN "family_name" text;--> statement-breakpoint
ALTER TABLE "members"."member" ADD COLUMN "phone_e164" text;--> statement-breakpoint
ALTER TABLE "members"."member" ADD COLUMN "birthday" date;--> statement-breakpoint
ALTER TABLE "members"."member" ADD COLUMN "gender" "members"."member_gender";--> statement-breakpoint
ALTER TABLE "members"."member" ADD COLUMN "locale" "members"."member_locale";--> statement-breakpoint
ALTER TABLE "members"."member" ADD COLUMN "acquisition_channel" "members"."acquisition_channel";--> statement-breakpoint
ALTER TABLE "members"."member" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "members"."member" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "members"."member" ADD COLUMN "last_seen_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "members"."member" ADD COLUMN "disabled_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "members"."member" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "members"."member_consent" ADD CONSTRAINT "member_consent_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."member_consent_event" ADD CONSTRAINT "member_consent_event_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."customer_address" ADD CONSTRAINT "customer_address_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."contact_log_entry" ADD CONSTRAINT "contact_log_entry_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_consent_granted_idx" ON "members"."member_consent" USING btree ("channel","member_id") WHERE "members"."member_consent"."granted";--> statement-breakpoint
CREATE INDEX "member_consent_event_member_idx" ON "members"."member_consent_event" USING btree ("member_id","created_at","id");--> statement-breakpoint
CREATE INDEX "customer_address_member_idx" ON "members"."customer_address" USING btree ("member_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_address_default_idx" ON "members"."customer_address" USING btree ("member_id") WHERE "members"."customer_address"."is_default";--> statement-breakpoint
CREATE INDEX "contact_log_member_idx" ON "members"."contact_log_entry" USING btree ("member_id","created_at","id");--> statement-breakpoint
CREATE INDEX "contact_log_follow_up_idx" ON "members"."contact_log_entry" USING btree ("follow_up_on","id") WHERE "members"."contact_log_entry"."follow_up_on" is not null and not "members"."contact_log_entry"."follow_up_done";--> statement-breakpoint
CREATE INDEX "member_display_name_trgm_idx" ON "members"."member" USING gin (lower("display_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "member_full_name_trgm_idx" ON "members"."member" USING gin (lower(coalesce("given_name", '') || ' ' || coalesce("family_name", '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "member_email_trgm_idx" ON "members"."member" USING gin (lower("email") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "member_phone_e164_trgm_idx" ON "members"."member" USING gin ("phone_e164" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "member_tags_idx" ON "members"."member" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "member_tier_created_idx" ON "members"."member" USING btree ("tier","created_at","id");--> statement-breakpoint
CREATE INDEX "member_channel_created_idx" ON "members"."member" USING btree ("acquisition_channel","created_at","id");--> statement-breakpoint
CREATE INDEX "member_disabled_idx" ON "members"."member" USING btree ("disabled_at","id") WHERE "members"."member"."disabled_at" is not null;