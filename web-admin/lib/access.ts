/**
 * The scope each console section needs (any one of the list). Navigation hides a
 * section the viewer cannot use and the page answers 403; the gateway still enforces.
 */
export const sectionScopes = {
  dashboard: [],
  products: ['catalog:read'],
  stock: ['stock:read'],
  orders: ['orders:read'],
  fulfilment: ['orders:read'],
  fulfilmentExceptions: ['orders:read'],
  members: ['members:read'],
  segments: ['members:read'],
  coupons: ['marketing:read'],
  content: ['marketing:read'],
  promotions: ['marketing:read'],
  groupBuys: ['marketing:read'],
  flashSales: ['marketing:read'],
  afterSales: ['orders:read'],
  quality: ['catalog:read'],
  reports: ['reports:read'],
  staff: ['access:admin', 'audit:read'],
  apiKeys: ['access:admin'],
  webhooks: ['webhooks:manage'],
  settings: ['settings:manage'],
  audit: ['audit:read'],
} as const satisfies Record<string, readonly string[]>;

export type Section = keyof typeof sectionScopes;

/** Whether scopes allow a section (a section with no scope is open to all staff). */
export function allows(scopes: readonly string[], section: Section): boolean {
  const needed: readonly string[] = sectionScopes[section];
  return needed.length === 0 || needed.some((scope) => scopes.includes(scope));
}
