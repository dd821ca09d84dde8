// Catalog input: the limits, the checks that clean each field, and the userErrors they collect.
export * from './checks.js';
export { LIMITS } from './limits.js';
export { Problems, type CatalogError, type CatalogErrorCode, type CatalogResult } from './problems.js';
export { containsPattern } from './search-text.js';
