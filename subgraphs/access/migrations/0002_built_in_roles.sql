-- The built-in roles of schema/scopes.ts (BUILT_IN_ROLES), as rows that staff_role can point at.
-- Their scopes are read from that file at run time, so the rows carry none. ensureBuiltInRoles()
-- writes the same rows again after the seed CLI's --reset empties the tables.
INSERT INTO "access"."role" ("name", "title", "built_in") VALUES
	('owner', 'Owner', true),
	('admin', 'Administrator', true),
	('catalog_manager', 'Catalog manager', true),
	('inventory_clerk', 'Inventory clerk', true),
	('order_operator', 'Order operator', true),
	('customer_service', 'Customer service', true),
	('marketing', 'Marketing', true),
	('analyst', 'Analyst', true),
	('auditor', 'Auditor', true)
ON CONFLICT ("name") DO NOTHING;
