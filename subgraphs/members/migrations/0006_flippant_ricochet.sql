CREATE TABLE "members"."product_neighbour" (
	"product_id" uuid NOT NULL,
	"neighbour_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"co_count" integer NOT NULL,
	CONSTRAINT "product_neighbour_product_id_neighbour_id_pk" PRIMARY KEY("product_id","neighbour_id")
);
