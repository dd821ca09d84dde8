// Size limits of catalog input (titles, handles, SEO text, options, variants...).
import { TRANSLATION_LOCALES } from '../content/index.js';
import { HANDLE_MAX_LENGTH } from '../handles/index.js';

/** What the catalog accepts; the API exposes these as catalogLimits for forms. */
export const LIMITS = {
  titleMaxLength: 255,
  handleMaxLength: HANDLE_MAX_LENGTH,
  // Search engines show about 60-70 characters of a title and 155-320 of a description.
  seoTitleMaxLength: 70,
  seoDescriptionMaxLength: 320,
  descriptionMaxLength: 100_000,
  maxOptions: 3,
  maxVariants: 100,
  maxCategoryDepth: 5,
  reviewTitleMaxLength: 120,
  reviewBodyMaxLength: 5000,
  skuMaxLength: 64,
  barcodeMaxLength: 64,
  tagMaxLength: 64,
  maxTags: 50,
  altMaxLength: 512,
  /** Items per bulk mutation (bulk archive, tags, variants, collection membership). */
  maxBulkItems: 250,
  translationLocales: TRANSLATION_LOCALES,
} as const;
