/** Catalog enums shared by server pages and client components (no server-only imports here). */
import type { ProductSortKey, ProductStatus, ReviewStatus } from '@/gql/graphql';
import { enumValues } from '@/lib/enum-values';

export type { ProductSortKey, ProductStatus, ReviewStatus, StockStatus } from '@/gql/graphql';

export const productStatuses = enumValues<ProductStatus>()(['DRAFT', 'ACTIVE', 'ARCHIVED']);

export const productSortKeys = enumValues<ProductSortKey>()(['CREATED_AT', 'UPDATED_AT', 'TITLE', 'PRICE']);

export const reviewStatuses = enumValues<ReviewStatus>()(['PENDING', 'APPROVED', 'REJECTED']);
