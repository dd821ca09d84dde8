CREATE TABLE "access"."audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"principal_kind" text NOT NULL,
	"actor_id" text,
	"operation_name" text,
	"root_fields" text[] NOT NULL,
	"variables" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"error_codes" text[] NOT NULL,
	"changes" jsonb,
	"client_address" text,
	"user_agent" text,
	"request_id" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_outcome" CHECK ("access"."audit_log"."outcome" in ('SUCCESS', 'USER_ERROR', 'FORBIDDEN', 'ERROR'))
);
--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "access"."audit_log" USING btree ("actor_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "access"."audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_root_fields_idx" ON "access"."audit_log" USING gin ("root_fields");