CREATE TABLE "members"."wishlist_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members"."wishlist_item" ADD CONSTRAINT "wishlist_item_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "wishlist_item_member_product_idx" ON "members"."wishlist_item" USING btree ("member_id","product_id");--> statement-breakpoint
CREATE INDEX "wishlist_item_member_created_idx" ON "members"."wishlist_item" USING btree ("member_id","created_at","id");