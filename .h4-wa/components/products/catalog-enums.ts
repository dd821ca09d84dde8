/** Catalog enums shared by server pages and client components (no server-only imports here). */

export const productStatuses = ['DRAFT', 'ACTIVE', 'ARCHIVED'] as const;
export type ProductStatus = (typeof productStatuses)[number];

export const productSortKeys = ['CREATED_AT', 'UPDATED_AT', 'TITLE', 'PRICE'] as const;
export type ProductSortKey = (typeof productSortKeys)[number];

export type StockStatus = 'IN_STOCK' | 'OUT_OF_STOCK';

export const reviewStatuses = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
