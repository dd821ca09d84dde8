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
CREATE INDEX "member_order_member_idx" ON "members"."member_order" USING btree ("member_id","placed_at");