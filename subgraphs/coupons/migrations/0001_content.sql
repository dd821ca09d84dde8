CREATE TYPE "coupons"."article_status" AS ENUM('DRAFT', 'PUBLISHED', 'ARCHIVED');--> statement-breakpoint
CREATE TYPE "coupons"."placement_kind" AS ENUM('BANNER', 'ANNOUNCEMENT');--> statement-breakpoint
CREATE TABLE "coupons"."article" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"texts" jsonb NOT NULL,
	"status" "coupons"."article_status" DEFAULT 'DRAFT' NOT NULL,
	"published_at" timestamp (3) with time zone,
	"cover_image_url" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "article_published_has_time" CHECK ("coupons"."article"."status" <> 'PUBLISHED' or "coupons"."article"."published_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "coupons"."placement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "coupons"."placement_kind" NOT NULL,
	"texts" jsonb NOT NULL,
	"image_url" text,
	"link_url" text,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"locales" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" integer NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone,
	"archived_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_ends_after_start" CHECK ("coupons"."placement"."ends_at" is null or "coupons"."placement"."ends_at" > "coupons"."placement"."starts_at"),
	CONSTRAINT "placement_banner_has_image" CHECK ("coupons"."placement"."kind" <> 'BANNER' or "coupons"."placement"."image_url" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "article_slug_idx" ON "coupons"."article" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "article_created_idx" ON "coupons"."article" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "article_published_idx" ON "coupons"."article" USING btree ("published_at","id") WHERE "coupons"."article"."status" = 'PUBLISHED';--> statement-breakpoint
CREATE INDEX "placement_kind_position_idx" ON "coupons"."placement" USING btree ("kind","position","id") WHERE "coupons"."placement"."archived_at" is null;