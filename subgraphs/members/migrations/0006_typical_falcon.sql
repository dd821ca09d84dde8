CREATE TABLE "members"."segment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"rules" jsonb NOT NULL,
	"size" integer DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp (3) with time zone,
	"archived_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."segment_member" (
	"segment_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_member_segment_id_member_id_pk" PRIMARY KEY("segment_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "members"."segment_member" ADD CONSTRAINT "segment_member_segment_id_segment_id_fk" FOREIGN KEY ("segment_id") REFERENCES "members"."segment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."segment_member" ADD CONSTRAINT "segment_member_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "segment_name_active_idx" ON "members"."segment" USING btree (lower("name")) WHERE "members"."segment"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "segment_created_idx" ON "members"."segment" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "segment_name_idx" ON "members"."segment" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "segment_member_member_idx" ON "members"."segment_member" USING btree ("member_id","segment_id");