/**
 * The permission catalog: every scope the SDL may name in @requiresScopes, and
 * the built-in roles. A test asserts that the SDL uses only these scopes and
 * that every scope here is used (Hive's assertAllRulesAreAssigned).
 */
export interface ScopeDefinition {
  title: string;
  description: string;
  /** Scopes that make no sense without this one's prerequisites (write implies read). */
  dependsOn: string[];
}

export const SCOPES = {
  'catalog:read': { title: 'Read catalog', description: 'Products, variants, categories and reviews.', dependsOn: [] },
  'catalog:write': { title: 'Edit catalog', description: 'Create, edit and archive products.', dependsOn: ['catalog:read'] },
  'catalog:read_cost': { title: 'Read cost prices', description: 'What stock costs the shop: variant cost prices, supplier costs and purchase order amounts, also as a sort or filter.', dependsOn: ['catalog:read'] },
  'stock:read': { title: 'Read stock', description: 'Warehouses, stock levels and movements.', dependsOn: [] },
  'stock:write': { title: 'Change stock', description: 'Adjust, transfer and receive stock.', dependsOn: ['stock:read'] },
  'orders:read': { title: 'Read orders', description: 'Orders of every customer.', dependsOn: [] },
  'orders:write': { title: 'Handle orders', description: 'Create, cancel, hold and fulfil orders.', dependsOn: ['orders:read'] },
  'orders:refund': { title: 'Refund orders', description: 'Issue refunds.', dependsOn: ['orders:read'] },
  'orders:read_internal': {
    title: 'Read internal order data',
    description: 'Timeline notes, internal timeline entries, fraud flags with their reasons and the abnormal-order rules. Staff only: an API key holding it still reads none of it.',
    dependsOn: ['orders:read'],
  },
  'members:read': { title: 'Read members', description: 'Member names, tiers and points.', dependsOn: [] },
  'members:read_pii': {
    title: 'Read contact data',
    description: "People's names, email addresses, phone numbers and street addresses, wherever they appear (members, order and cart addresses), also as a search.",
    dependsOn: ['members:read'],
  },
  'members:write': { title: 'Edit members', description: 'Tags, tiers, points and notes.', dependsOn: ['members:read'] },
  'marketing:read': { title: 'Read promotions', description: 'Coupons and promotions.', dependsOn: [] },
  'marketing:write': { title: 'Run promotions', description: 'Create and change coupons and promotions.', dependsOn: ['marketing:read'] },
  'reports:read': { title: 'Read reports', description: 'Dashboards and sales reports.', dependsOn: [] },
  'reports:write': {
    title: 'Manage reports',
    description: 'Save and share reports, schedule their delivery (mailboxes, folders, webhook URLs), tune and acknowledge anomaly alerts.',
    dependsOn: ['reports:read'],
  },
  'access:admin': { title: 'Administer access', description: 'Staff accounts, roles and API keys.', dependsOn: [] },
  'audit:read': { title: 'Read the audit log', description: 'Who did what, when.', dependsOn: [] },
  'webhooks:manage': {
    title: 'Manage partner webhooks',
    description: 'Subscribe URLs to business events, rotate their signing secrets, read the delivery log and redeliver. A partner key sees only its own subscriptions.',
    dependsOn: [],
  },
  'settings:manage': {
    title: 'Manage shop settings',
    description: "The shop's time zone, currency, fiscal week start and calendars (Buddhist era, Hijri), used for every date and day boundary.",
    dependsOn: [],
  },
  'schema:read': { title: 'Explore the schema', description: 'Introspection in the playground.', dependsOn: [] },
} as const satisfies Record<string, ScopeDefinition>;

export type Scope = keyof typeof SCOPES;

export const ALL_SCOPES = Object.keys(SCOPES) as Scope[];

/** Built-in roles; custom roles are rows in access.role with any subset of the catalog. */
export const BUILT_IN_ROLES: Record<string, { title: string; scopes: Scope[] }> = {
  owner: { title: 'Owner', scopes: ALL_SCOPES },
  admin: { title: 'Administrator', scopes: ALL_SCOPES },
  catalog_manager: { title: 'Catalog manager', scopes: ['catalog:read', 'catalog:write', 'stock:read', 'marketing:read'] },
  // Clerks raise purchase orders at supplier costs; operators print shipping labels (contact data).
  inventory_clerk: { title: 'Inventory clerk', scopes: ['catalog:read', 'catalog:read_cost', 'stock:read', 'stock:write'] },
  order_operator: {
    title: 'Order operator',
    scopes: ['orders:read', 'orders:write', 'orders:read_internal', 'catalog:read', 'stock:read', 'members:read', 'members:read_pii'],
  },
  customer_service: {
    title: 'Customer service',
    scopes: ['orders:read', 'orders:write', 'orders:refund', 'orders:read_internal', 'members:read', 'members:read_pii', 'members:write', 'catalog:read'],
  },
  marketing: { title: 'Marketing', scopes: ['marketing:read', 'marketing:write', 'members:read', 'catalog:read', 'reports:read'] },
  analyst: { title: 'Analyst', scopes: ['reports:read', 'reports:write', 'orders:read', 'catalog:read', 'members:read', 'stock:read', 'marketing:read'] },
  auditor: { title: 'Auditor', scopes: ['audit:read'] },
};

/**
 * Scopes no role or API key can hold: every session of one kind holds its own
 * (the gateway adds it), and it reaches only the caller's own data because the
 * subgraphs' row rules confine it (a customer's own orders, carts and profile;
 * a staff member's own account). Data classes (data-classes.ts) name them as
 * an alternative to the scope that reads everyone's data.
 */
export const SELF_SCOPES = {
  'customer:self': {
    title: 'Own storefront data',
    description: "A signed-in customer's own profile, orders and the contact data on them. Held by every customer session.",
  },
  'staff:self': {
    title: 'Own staff account',
    description: "A staff member's own account: sign-in email, roles, scopes, last sign-in. Held by every staff session.",
  },
} as const satisfies Record<string, Omit<ScopeDefinition, 'dependsOn'>>;

export type SelfScope = keyof typeof SELF_SCOPES;

/** The self scope a principal of this kind holds, if any. */
export function selfScopesOf(kind: 'anonymous' | 'customer' | 'staff' | 'partner'): SelfScope[] {
  return kind === 'customer' ? ['customer:self'] : kind === 'staff' ? ['staff:self'] : [];
}

/** Policies named in @policy, evaluated by the gateway from the principal alone. */
export const POLICIES = {
  public: 'Anyone, signed in or not.',
  owner: 'Only staff holding the owner role.',
  staff: 'Any signed-in staff member.',
  customer: 'A signed-in storefront customer.',
  step_up: 'A staff member who confirmed their password in the last few minutes (STEP_UP_REQUIRED for other staff; API keys and customers never hold it).',
} as const;

export type Policy = keyof typeof POLICIES;
