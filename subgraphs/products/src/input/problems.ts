// The userErrors of catalog writes: their codes, and the collector that checks add them to.
import type { Result, UserError } from '@shop/kit';

/** What a catalog write may refuse, as the API's userError codes. */
export type CatalogErrorCode =
  | 'UNKNOWN_PRODUCT' | 'UNKNOWN_VARIANT' | 'UNKNOWN_CATEGORY' | 'UNKNOWN_COLLECTION' | 'UNKNOWN_REVIEW'
  | 'UNKNOWN_MEDIA' | 'INVALID_TITLE' | 'INVALID_HANDLE' | 'HANDLE_TAKEN' | 'INVALID_SKU' | 'DUPLICATE_SKU'
  | 'INVALID_BARCODE' | 'INVALID_PRICE' | 'NEGATIVE_PRICE' | 'INVALID_WEIGHT' | 'TOO_MANY_OPTIONS'
  | 'TOO_MANY_VARIANTS' | 'INVALID_OPTION' | 'VARIANT_OPTIONS_MISMATCH' | 'DUPLICATE_VARIANT' | 'INVALID_TAG'
  | 'DESCRIPTION_TOO_LONG' | 'SEO_TOO_LONG' | 'INVALID_LOCALE' | 'CATEGORY_TOO_DEEP' | 'CATEGORY_CYCLE'
  | 'CATEGORY_HAS_CHILDREN' | 'TOO_MANY_ITEMS' | 'NOT_PURCHASED' | 'ALREADY_REVIEWED' | 'INVALID_RATING'
  | 'INVALID_REVIEW' | 'INVALID_STATUS';

export type CatalogError = UserError<CatalogErrorCode>;

/** Collects userErrors while input is checked field by field. */
export class Problems {
  readonly errors: CatalogError[] = [];
  add(code: CatalogErrorCode, message: string, field: (string | number)[] | null): void {
    this.errors.push({ code, message, field: field && field.map(String) });
  }
  get any(): boolean {
    return this.errors.length > 0;
  }
}

export type CatalogResult<T> = Result<T, CatalogErrorCode>;
