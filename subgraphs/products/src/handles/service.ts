// URL handles of products, categories and collections: the shape a handle may take, making one from a title in any
// script, and finding a free one in the database.
import { sql } from 'drizzle-orm';
import { slugify } from 'transliteration';
import type { Db } from '@shop/kit';

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

/** Tables whose rows carry a unique handle. */
type HandleTable = 'product' | 'category' | 'collection';

/** Whether another row of the table (not `exceptId`) has this handle. */
export async function handleTaken(tx: Db, table: HandleTable, handle: string, exceptId: string | null = null): Promise<boolean> {
  const rows = await tx.execute(sql`select 1 from ${sql.identifier('products')}.${sql.identifier(table)}
    where handle = ${handle} and (${exceptId}::uuid is null or id <> ${exceptId}::uuid) limit 1`);
  return rows.length > 0;
}

/**
 * A free handle from a title: handleFrom(title), or `fallback` when nothing
 * transliterates, with "-2", "-3"... added when taken. One query reads every
 * handle of that stem.
 */
export async function generateHandle(tx: Db, table: HandleTable, title: string, fallback: string): Promise<string> {
  const stem = (handleFrom(title) || fallback).slice(0, HANDLE_MAX_LENGTH - 6).replace(/-$/, '');
  const rows = await tx.execute<{ handle: string }>(sql`select handle from ${sql.identifier('products')}.${sql.identifier(table)}
    where handle = ${stem} or handle ~ ${`^${stem}-[0-9]+$`}`);
  const taken = new Set(rows.map((row) => row.handle));
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}
