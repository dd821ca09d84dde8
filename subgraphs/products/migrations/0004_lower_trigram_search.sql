DROP INDEX "products"."variant_sku_trgm_idx";--> statement-breakpoint
CREATE INDEX "product_handle_trgm_idx" ON "products"."product" USING gin (lower("handle") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "variant_sku_trgm_idx" ON "products"."variant" USING gin (lower("sku") gin_trgm_ops);