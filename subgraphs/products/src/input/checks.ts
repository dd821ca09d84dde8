// Checking and cleaning catalog input (title, handle, price, SKU, options, translations...).
import { parseDecimal } from '@shop/kit';
import { isTranslationLocale, sanitizeDescription } from '../content/index.js';
import { HANDLE_PATTERN } from '../handles/index.js';
import type { ProductOption } from '../tables.js';
import { LIMITS } from './limits.js';
import type { Problems } from './problems.js';

// Pure checks, shared by the product editor, bulk import, categories, collections and reviews: each
// returns the cleaned value or adds userErrors with the input path at fault. Nothing here reads the database.

export function cleanTitle(p: Problems, value: string, field: (string | number)[]): string {
  const title = value.trim();
  if (!title || title.length > LIMITS.titleMaxLength) {
    p.add('INVALID_TITLE', `Must be 1 to ${LIMITS.titleMaxLength} characters.`, field);
  }
  return title;
}

/** An explicit handle: lowercase words joined by hyphens. */
export function cleanHandle(p: Problems, value: string, field: (string | number)[]): string {
  const handle = value.trim();
  if (!HANDLE_PATTERN.test(handle) || handle.length > LIMITS.handleMaxLength) {
    p.add('INVALID_HANDLE', `Use lowercase letters, digits and single hyphens, at most ${LIMITS.handleMaxLength} characters.`, field);
  }
  return handle;
}

export function cleanDescription(p: Problems, html: string, field: (string | number)[]): string {
  const clean = sanitizeDescription(html);
  if (clean.length > LIMITS.descriptionMaxLength) {
    p.add('DESCRIPTION_TOO_LONG', `At most ${LIMITS.descriptionMaxLength} characters.`, field);
  }
  return clean;
}

/** Optional text with a maximum length; empty means none. */
export function cleanSeo(p: Problems, value: string | null | undefined, max: number, field: (string | number)[]): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max) p.add('SEO_TOO_LONG', `At most ${max} characters (search engines cut longer text).`, field);
  return text || null;
}

/** A price from the API in the shop currency; null when absent. */
export function cleanPrice(
  p: Problems,
  value: string | null | undefined,
  currencyCode: string,
  field: (string | number)[],
): bigint | null {
  if (value == null) return null;
  const minor = parseDecimal(value, currencyCode);
  if (minor === null) {
    p.add('INVALID_PRICE', `Not an amount in ${currencyCode}.`, field);
    return null;
  }
  if (minor < 0n) p.add('NEGATIVE_PRICE', 'A price cannot be negative.', field);
  return minor;
}

export function cleanSku(p: Problems, value: string, field: (string | number)[]): string {
  const sku = value.trim();
  if (!sku || sku.length > LIMITS.skuMaxLength || /\s/.test(sku)) {
    p.add('INVALID_SKU', `1 to ${LIMITS.skuMaxLength} characters without spaces.`, field);
  }
  return sku;
}

/** A barcode; empty clears it. */
export function cleanBarcode(p: Problems, value: string, field: (string | number)[]): string | null {
  const barcode = value.trim();
  if (barcode && (barcode.length > LIMITS.barcodeMaxLength || !/^[A-Za-z0-9-]+$/.test(barcode))) {
    p.add('INVALID_BARCODE', `Letters, digits and hyphens, at most ${LIMITS.barcodeMaxLength}.`, field);
  }
  return barcode || null;
}

export function cleanWeight(p: Problems, value: number, field: (string | number)[]): number {
  if (!Number.isInteger(value) || value < 0) p.add('INVALID_WEIGHT', 'Grams, a whole number not below zero.', field);
  return value;
}

/** Tags are stored lowercase, trimmed and without repeats. */
export function cleanTags(p: Problems, values: readonly string[], field: (string | number)[]): string[] {
  if (values.length > LIMITS.maxTags) p.add('TOO_MANY_ITEMS', `At most ${LIMITS.maxTags} tags.`, field);
  const tags = values.map((value, i) => {
    const tag = value.trim().toLowerCase();
    if (!tag || tag.length > LIMITS.tagMaxLength) p.add('INVALID_TAG', `1 to ${LIMITS.tagMaxLength} characters.`, [...field, i]);
    return tag;
  });
  return [...new Set(tags)];
}

export function cleanOptions(p: Problems, values: readonly ProductOption[], field: (string | number)[]): ProductOption[] {
  if (values.length > LIMITS.maxOptions) p.add('TOO_MANY_OPTIONS', `At most ${LIMITS.maxOptions} options.`, field);
  const names = new Set<string>();
  return values.map((option, i) => {
    const name = option.name.trim();
    if (!name || name.length > 255 || names.has(name.toLowerCase())) {
      p.add('INVALID_OPTION', 'Each option needs a name of its own.', [...field, i, 'name']);
    }
    names.add(name.toLowerCase());
    if (!option.values.length) p.add('INVALID_OPTION', 'An option needs at least one value.', [...field, i, 'values']);
    const seen = new Set<string>();
    const cleaned = option.values.map((raw, j) => {
      const value = raw.trim();
      if (!value || value.length > 255 || seen.has(value)) {
        p.add('INVALID_OPTION', 'Values must be non-empty and different.', [...field, i, 'values', j]);
      }
      seen.add(value);
      return value;
    });
    return { name, values: cleaned };
  });
}

export interface TranslationInput {
  locale: string;
  title?: string | null;
  descriptionHtml?: string | null;
  seoTitle?: string | null;
  seoDescription?: string | null;
}

export interface CleanTranslation {
  locale: string;
  title: string | null;
  descriptionHtml: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
}

export function cleanTranslations(
  p: Problems,
  values: readonly TranslationInput[],
  field: (string | number)[],
): CleanTranslation[] {
  const seen = new Set<string>();
  return values.map((t, i) => {
    const path = [...field, i];
    if (!isTranslationLocale(t.locale) || seen.has(t.locale)) {
      p.add('INVALID_LOCALE', `One of ${LIMITS.translationLocales.join(', ')}, each at most once.`, [...path, 'locale']);
    }
    seen.add(t.locale);
    const title = t.title?.trim() || null;
    if (title && title.length > LIMITS.titleMaxLength) {
      p.add('INVALID_TITLE', `At most ${LIMITS.titleMaxLength} characters.`, [...path, 'title']);
    }
    const description = t.descriptionHtml ? cleanDescription(p, t.descriptionHtml, [...path, 'descriptionHtml']) : '';
    return {
      locale: t.locale,
      title,
      descriptionHtml: description || null,
      seoTitle: cleanSeo(p, t.seoTitle, LIMITS.seoTitleMaxLength, [...path, 'seoTitle']),
      seoDescription: cleanSeo(p, t.seoDescription, LIMITS.seoDescriptionMaxLength, [...path, 'seoDescription']),
    };
  });
}
