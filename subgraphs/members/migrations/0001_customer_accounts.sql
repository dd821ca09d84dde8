CREATE TABLE "members"."customer_login_attempt" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"client_address" text,
	"succeeded" boolean NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."customer_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_session_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "members"."member" ADD COLUMN "password_hash" text;--> statement-breakpoint
ALTER TABLE "members"."customer_session" ADD CONSTRAINT "customer_session_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_login_attempt_email_idx" ON "members"."customer_login_attempt" USING btree ("email","created_at");--> statement-breakpoint
CREATE INDEX "customer_login_attempt_address_idx" ON "members"."customer_login_attempt" USING btree ("client_address","created_at");--> statement-breakpoint
CREATE INDEX "customer_session_member_idx" ON "members"."customer_session" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_email_lower_idx" ON "members"."member" USING btree (lower("email"));