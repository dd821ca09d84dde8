-- IF NOT EXISTS: the migrator creates this schema first to hold its ledger (stock.__drizzle_migrations).
CREATE SCHEMA IF NOT EXISTS "stock";
--> statement-breakpoint
CREATE TYPE "stock"."movement_kind" AS ENUM('RECEIPT', 'ADJUSTMENT', 'RESERVATION', 'RELEASE', 'SHIPMENT', 'RETURN');--> statement-breakpoint
CREATE TABLE "stock"."level" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"variant_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "level_variant_warehouse_unique" UNIQUE("variant_id","warehouse_id"),
	CONSTRAINT "level_reserved_nonnegative" CHECK ("stock"."level"."reserved" >= 0),
	CONSTRAINT "level_on_hand_covers_reserved" CHECK ("stock"."level"."on_hand" >= "stock"."level"."reserved")
);
--> statement-breakpoint
CREATE TABLE "stock"."movement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"variant_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"kind" "stock"."movement_kind" NOT NULL,
	"quantity" integer NOT NULL,
	"reference" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock"."warehouse" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warehouse_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "stock"."level" ADD CONSTRAINT "level_warehouse_id_warehouse_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "stock"."warehouse"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock"."movement" ADD CONSTRAINT "movement_warehouse_id_warehouse_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "stock"."warehouse"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "level_warehouse_idx" ON "stock"."level" USING btree ("warehouse_id");--> statement-breakpoint
CREATE INDEX "movement_variant_idx" ON "stock"."movement" USING btree ("variant_id","warehouse_id","created_at");