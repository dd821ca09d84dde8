/**
 * The composition root's list of domains. Order matters only for migrations
 * and seeding (catalog before stock before orders).
 */
export const DOMAIN_NAMES = ['access', 'products', 'stock', 'members', 'orders', 'coupons', 'reports'] as const;

export type DomainName = (typeof DOMAIN_NAMES)[number];

/** Default loopback port of each subgraph in distributed mode; SUBGRAPH_<NAME>_URL overrides. */
export const SUBGRAPH_PORTS: Record<DomainName, number> = {
  access: 4101,
  products: 4102,
  stock: 4103,
  members: 4104,
  orders: 4105,
  coupons: 4106,
  reports: 4107,
};

export function subgraphUrl(name: DomainName): string {
  return process.env[`SUBGRAPH_${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${SUBGRAPH_PORTS[name]}/graphql`;
}
