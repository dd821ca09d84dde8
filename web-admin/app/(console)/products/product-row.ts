import type { ProductRow } from '@/components/products/product-row';
import { formatDateTime, formatMoney, formatNumber, type ShopCalendar } from '@/lib/format';

import type { ProductsListQuery } from '@/gql/graphql';
import type { NodeOf } from '@/lib/connection';

type ProductsListNode = NodeOf<ProductsListQuery['products']>;

/** A product as the list shows it, formatted in the request's locale and the shop's calendar; `costWithheld`: the gateway withheld the cost. */
export function productRow(node: ProductsListNode, costWithheld: boolean, locale: string, shop: ShopCalendar): ProductRow {
  const first = node.variants[0];
  const range = node.priceRange;
  return {
    id: node.id,
    title: node.title,
    handle: node.handle,
    status: node.status,
    brand: node.brand?.name ?? null,
    variantCount: formatNumber(node.variants.length, locale),
    price: !range
      ? '—'
      : range.min.amount === range.max.amount
        ? formatMoney(range.min, locale)
        : `${formatMoney(range.min, locale)} – ${formatMoney(range.max, locale)}`,
    inStock: node.inStock,
    tags: node.tags,
    cost: first?.costPrice ? formatMoney(first.costPrice, locale) : costWithheld ? null : '—',
    createdAt: formatDateTime(node.createdAt, locale, shop),
  };
}
