CREATE TYPE "products"."review_status" AS ENUM('PENDING', 'APPROVED', 'REJECTED');--> statement-breakpoint
CREATE TABLE "products"."brand" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "brand_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "products"."category" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"handle" text NOT NULL,
	"path" uuid[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "category_handle_unique" UNIQUE("handle")
);
--> statement-breakpoint
CREATE TABLE "products"."collection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"handle" text NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_handle_unique" UNIQUE("handle")
);
--> statement-breakpoint
CREATE TABLE "products"."collection_product" (
	"collection_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_product_collection_id_product_id_pk" PRIMARY KEY("collection_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "products"."media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"url" text NOT NULL,
	"alt" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products"."product_category" (
	"product_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	CONSTRAINT "product_category_product_id_category_id_pk" PRIMARY KEY("product_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "products"."product_translation" (
	"product_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"title" text,
	"description_html" text,
	"seo_title" text,
	"seo_description" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_translation_product_id_locale_pk" PRIMARY KEY("product_id","locale")
);
--> statement-breakpoint
CREATE TABLE "products"."purchase" (
	"member_id" text NOT NULL,
	"variant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_member_id_variant_id_pk" PRIMARY KEY("member_id","variant_id")
);
--> statement-breakpoint
CREATE TABLE "products"."review" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"member_id" text NOT NULL,
	"rating" smallint NOT NULL,
	"title" text,
	"body" text NOT NULL,
	"status" "products"."review_status" DEFAULT 'PENDING' NOT NULL,
	"reply" text,
	"replied_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products"."upload" (
	"url" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "products"."product" ADD COLUMN "description_html" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "products"."product" ADD COLUMN "brand_id" uuid;--> statement-breakpoint
ALTER TABLE "products"."product" ADD COLUMN "seo_title" text;--> statement-breakpoint
ALTER TABLE "products"."product" ADD COLUMN "seo_description" text;--> statement-breakpoint
ALTER TABLE "products"."product" ADD COLUMN "options" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "products"."product" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "products"."product" ADD COLUMN "min_price_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "products"."product" ADD COLUMN "in_stock" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "products"."variant" ADD COLUMN "option_values" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "products"."variant" ADD COLUMN "barcode" text;--> statement-breakpoint
ALTER TABLE "products"."variant" ADD COLUMN "weight_grams" integer;--> statement-breakpoint
ALTER TABLE "products"."variant" ADD COLUMN "compare_at_minor" bigint;--> statement-breakpoint
ALTER TABLE "products"."variant" ADD COLUMN "in_stock" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "products"."collection_product" ADD CONSTRAINT "collection_product_collection_id_collection_id_fk" FOREIGN KEY ("collection_id") REFERENCES "products"."collection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products"."collection_product" ADD CONSTRAINT "collection_product_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "products"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products"."media" ADD CONSTRAINT "media_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "products"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products"."product_category" ADD CONSTRAINT "product_category_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "products"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products"."product_category" ADD CONSTRAINT "product_category_category_id_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "products"."category"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products"."product_translation" ADD CONSTRAINT "product_translation_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "products"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products"."review" ADD CONSTRAINT "review_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "products"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "category_parent_idx" ON "products"."category" USING btree ("parent_id","position");--> statement-breakpoint
CREATE INDEX "category_path_idx" ON "products"."category" USING gin ("path");--> statement-breakpoint
CREATE INDEX "collection_product_product_idx" ON "products"."collection_product" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "media_product_idx" ON "products"."media" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "product_category_category_idx" ON "products"."product_category" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "product_translation_title_trgm_idx" ON "products"."product_translation" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "purchase_member_product_idx" ON "products"."purchase" USING btree ("member_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_member_product_idx" ON "products"."review" USING btree ("member_id","product_id");--> statement-breakpoint
CREATE INDEX "review_product_status_idx" ON "products"."review" USING btree ("product_id","status","created_at");--> statement-breakpoint
CREATE INDEX "review_created_idx" ON "products"."review" USING btree ("created_at","id");--> statement-breakpoint
ALTER TABLE "products"."product" ADD CONSTRAINT "product_brand_id_brand_id_fk" FOREIGN KEY ("brand_id") REFERENCES "products"."brand"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_updated_idx" ON "products"."product" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "product_price_idx" ON "products"."product" USING btree ("min_price_minor","id");--> statement-breakpoint
CREATE INDEX "product_brand_idx" ON "products"."product" USING btree ("brand_id");--> statement-breakpoint
CREATE INDEX "product_tags_idx" ON "products"."product" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "variant_barcode_idx" ON "products"."variant" USING btree ("barcode");--> statement-breakpoint
CREATE INDEX "variant_sku_trgm_idx" ON "products"."variant" USING gin ("sku" gin_trgm_ops);--> statement-breakpoint
-- Existing products take their lowest variant price, so PRICE sorting is right from the start.
UPDATE "products"."product" p SET "min_price_minor" = coalesce((SELECT min(v."price_minor") FROM "products"."variant" v WHERE v."product_id" = p."id"), 0);
