import type { ProductStatus } from './catalog-enums';

/** A product as the list shows it; texts are formatted on the server in the request's locale. */
export interface ProductRow {
  id: string;
  title: string;
  handle: string;
  status: ProductStatus;
  brand: string | null;
  variantCount: string;
  price: string;
  inStock: boolean;
  tags: string[];
  /** The first variant's cost price; null when the gateway withheld it. */
  cost: string | null;
  createdAt: string;
}
