import { slugify } from 'transliteration';

/**
 * The handle the catalog generates from a title when none is given, transliterated the
 * same way (subgraphs/products/src/handles/service.ts), for the editor's preview. The catalog adds
 * "-2", "-3"… when it is taken.
 */
export function handlePreview(title: string, maxLength: number): string {
  return slugify(title, { lowercase: true, separator: '-' })
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-+/g, '-')
    .slice(0, maxLength)
    .replace(/^-|-$/g, '');
}

