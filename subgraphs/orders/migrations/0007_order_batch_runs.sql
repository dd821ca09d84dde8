CREATE TYPE "orders"."batch_kind" AS ENUM('SHIP_FROM_CSV', 'BOOK', 'TAG', 'EXPORT');--> statement-breakpoint
CREATE TYPE "orders"."batch_status" AS ENUM('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');--> statement-breakpoint
CREATE TABLE "orders"."batch_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "orders"."batch_kind" NOT NULL,
	"status" "orders"."batch_status" DEFAULT 'QUEUED' NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"input" jsonb NOT NULL,
	"result_format" text,
	"result_has_contact" boolean DEFAULT false NOT NULL,
	"message" text,
	"started_by" text,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."batch_run_row" (
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"row" integer,
	"order_number" text,
	"code" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "batch_run_row_run_id_seq_pk" PRIMARY KEY("run_id","seq")
);
--> statement-breakpoint
ALTER TABLE "orders"."batch_run_row" ADD CONSTRAINT "batch_run_row_run_id_batch_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "orders"."batch_run"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "batch_run_created_idx" ON "orders"."batch_run" USING btree ("created_at","id");