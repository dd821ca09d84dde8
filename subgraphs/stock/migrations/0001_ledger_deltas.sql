ALTER TYPE "stock"."movement_kind" ADD VALUE 'TRANSFER_OUT';--> statement-breakpoint
ALTER TYPE "stock"."movement_kind" ADD VALUE 'TRANSFER_IN';--> statement-breakpoint
ALTER TYPE "stock"."movement_kind" ADD VALUE 'WRITE_OFF';--> statement-breakpoint
ALTER TYPE "stock"."movement_kind" ADD VALUE 'STOCKTAKE';--> statement-breakpoint
ALTER TABLE "stock"."level" ADD COLUMN "safety_stock" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stock"."level" ADD COLUMN "reorder_point" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stock"."movement" ADD COLUMN "on_hand_delta" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stock"."movement" ADD COLUMN "reserved_delta" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stock"."movement" ADD COLUMN "reason_code" text;--> statement-breakpoint
ALTER TABLE "stock"."movement" ADD COLUMN "actor_id" text;--> statement-breakpoint
-- Existing rows carried one signed quantity against the balance their kind names.
UPDATE "stock"."movement" SET "reserved_delta" = "quantity" WHERE "kind"::text IN ('RESERVATION', 'RELEASE');--> statement-breakpoint
UPDATE "stock"."movement" SET "on_hand_delta" = "quantity" WHERE "kind"::text NOT IN ('RESERVATION', 'RELEASE');
