CREATE TABLE "members"."member_messaging_id" (
	"member_id" uuid NOT NULL,
	"channel" "members"."consent_channel" NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_messaging_id_member_id_channel_pk" PRIMARY KEY("member_id","channel"),
	CONSTRAINT "member_messaging_id_app_channel" CHECK ("members"."member_messaging_id"."channel" in ('LINE', 'WECHAT'))
);
--> statement-breakpoint
ALTER TABLE "members"."member_messaging_id" ADD CONSTRAINT "member_messaging_id_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;