import { slugify } from 'transliteration';

/** What a handle may look like: lowercase ASCII words joined by single hyphens. */
export const HANDLE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const HANDLE_MAX_LENGTH = 80;

/**
 * A URL handle from a title in any script: Thai, Chinese and Arabic are
 * transliterated (เสื้อยืด → "esuue-yuued", 纯棉 → "chun-mian"), so storefront
 * URLs stay readable ASCII. Empty when nothing in the title transliterates
 * (an emoji-only title); the caller then falls back to a generic handle.
 */
export function handleFrom(title: string): string {
  return slugify(title, { lowercase: true, separator: '-' })
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-+/g, '-')
    .slice(0, HANDLE_MAX_LENGTH)
    .replace(/^-|-$/g, '');
}
