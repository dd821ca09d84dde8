import { sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { handleFrom, HANDLE_MAX_LENGTH } from './handle.js';

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
