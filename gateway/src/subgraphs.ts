import { access } from '@shop/access';
import { coupons } from '@shop/coupons';
import type { SubgraphModule } from '@shop/kit';
import { members } from '@shop/members';
import { orders } from '@shop/orders';
import { products } from '@shop/products';
import { reports } from '@shop/reports';
import { stock } from '@shop/stock';
import { DOMAIN_NAMES, type DomainName } from './domains.js';

const byName: Record<DomainName, SubgraphModule> = { access, products, stock, members, orders, coupons, reports };

/** Every subgraph module, in DOMAIN_NAMES order. */
export const SUBGRAPHS: SubgraphModule[] = DOMAIN_NAMES.map((name) => byName[name]);

export function subgraph(name: DomainName): SubgraphModule {
  return byName[name];
}
