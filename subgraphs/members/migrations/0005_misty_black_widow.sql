CREATE TYPE "members"."privacy_request_kind" AS ENUM('EXPORT', 'ERASE');--> statement-breakpoint
CREATE TYPE "members"."privacy_request_status" AS ENUM('PENDING', 'DONE', 'EXPIRED');--> statement-breakpoint
CREATE TABLE "members"."privacy_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" "members"."privacy_request_kind" NOT NULL,
	"status" "members"."privacy_request_status" DEFAULT 'PENDING' NOT NULL,
	"reason" text,
	"requested_by" uuid,
	"completed_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."privacy_request_part" (
	"request_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"data" jsonb,
	"done_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_request_part_request_id_domain_pk" PRIMARY KEY("request_id","domain")
);
--> statement-breakpoint
ALTER TABLE "members"."privacy_request" ADD CONSTRAINT "privacy_request_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."privacy_request_part" ADD CONSTRAINT "privacy_request_part_request_id_privacy_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "members"."privacy_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_request_member_idx" ON "members"."privacy_request" USING btree ("member_id","created_at","id");--> statement-breakpoint
CREATE INDEX "privacy_request_part_data_idx" ON "members"."privacy_request_part" USING btree ("request_id") WHERE "members"."privacy_request_part"."data" is not null;