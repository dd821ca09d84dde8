// What a printed document is made of.
import type { OrderLineRow, OrderRow } from '../tables.js';
import type { TaxInvoiceRow } from './tables.js';

export const DOCUMENT_KINDS = ['LABEL', 'PACKING_SLIP', 'TAX_INVOICE'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** One waybill an order leaves under: a shipment's carrier and tracking number (or the order's own, before shipments). */
export interface Waybill {
  carrier: string | null;
  trackingNumber: string | null;
}

/**
 * An order as printed: its row (contact snapshot, totals), its lines in position order, its waybills
 * (one per shipment with a tracking number, merged parcels once; empty when none is booked yet) and its
 * tax invoice once issued (`copy` when an earlier print issued it).
 */
export type DocumentOrder = OrderRow & { lines: OrderLineRow[]; waybills?: Waybill[]; taxInvoice?: TaxInvoiceRow & { copy: boolean } };

/** The shop as seller and sender, from the environment (SHOP_LEGAL_NAME, SHOP_TAX_ID, SHOP_ADDRESS, SHOP_PHONE). */
export interface Seller {
  name: string;
  taxId: string;
  address: string;
  phone: string | null;
}

export function sellerFromEnv(): Seller {
  return {
    name: process.env.SHOP_LEGAL_NAME || 'Demo Shop Co., Ltd.',
    taxId: process.env.SHOP_TAX_ID || '0105500000000',
    address: process.env.SHOP_ADDRESS || '1 Sukhumvit Road, Khlong Toei, Bangkok 10110',
    phone: process.env.SHOP_PHONE || null,
  };
}
