-- The audit log is append-only for the application: UPDATE, DELETE and TRUNCATE raise.
-- Statement-level, so even a statement that matches no row is refused. Only a superuser
-- or the table owner can switch this off (ALTER TABLE ... DISABLE TRIGGER), and the hash
-- chain still shows what was changed then (pnpm audit:verify).
CREATE FUNCTION "access"."audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'access.audit_log is append-only: % is not allowed', TG_OP
		USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only"
	BEFORE UPDATE OR DELETE OR TRUNCATE ON "access"."audit_log"
	FOR EACH STATEMENT EXECUTE FUNCTION "access"."audit_log_refuse_change"();
