// Private photos of after-sales: files outside the public media folder, one row per upload, attached to one request,
// read through short-lived signed links by those who may read the request's contact data. Unattached uploads go after a day.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { anyId, isId, log, scopesOf, type Db, type Principal } from '@shop/kit';
import { signedLinks, type LinkCheck } from '@shop/kit/signed-links';
import { mayRead } from '../../../../schema/data-classes.js';
import { returnError, type ReturnRequestError } from './errors.js';
import { returnPhoto, returnRequest, type ReturnPhotoRow } from './tables.js';

/** What one upload may weigh, as for product images. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Photos one request may carry. */
export const MAX_PHOTOS = 5;
/** How long a photo link works; reading the request again gives fresh ones. */
export const PHOTO_LINK_TTL_MS = 10 * 60_000;
/** Unattached uploads older than this are removed by PURGE_RETURN_PHOTOS_TASK. */
export const UNATTACHED_PHOTO_TTL_MS = 24 * 60 * 60_000;
export const PURGE_RETURN_PHOTOS_TASK = 'orders.purge_return_photos';

/** Image types a photo may have (from its bytes), with the file extension they are stored under. */
export const PHOTO_TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** Who uploads: a customer or a staff member. */
export type PhotoUploader = { memberId: string; staffId?: never } | { staffId: string; memberId?: never };

const links = signedLinks('return-photo', PHOTO_LINK_TTL_MS);

/** RETURN_PHOTO_DIR, else <DATA_DIR or .data>/private/return-photos: never under the public MEDIA_DIR. */
export function photoDir(): string {
  return resolve(process.env.RETURN_PHOTO_DIR ?? join(process.env.DATA_DIR ?? '.data', 'private', 'return-photos'));
}

const photoPath = (row: Pick<ReturnPhotoRow, 'id' | 'contentType'>) => join(photoDir(), `${row.id}.${PHOTO_TYPES[row.contentType]}`);

/** The principal as an uploader; null for anyone who may not upload (anonymous, partner keys). */
export function uploaderOf(principal: Principal): PhotoUploader | null {
  if (principal.kind === 'customer') return { memberId: principal.memberId };
  if (principal.kind === 'staff' && scopesOf(principal).includes('orders:write')) return { staffId: principal.staffId };
  return null;
}

/** Stores an image whose type was read from its bytes, unattached; answers its id. */
export async function savePhoto(db: Db, uploader: PhotoUploader, bytes: Buffer, contentType: string): Promise<string> {
  if (!PHOTO_TYPES[contentType]) throw new Error(`not a photo type: ${contentType}`);
  // The file first: a row never points at nothing; a file whose row failed is never linked.
  const id = randomUUID();
  await mkdir(photoDir(), { recursive: true });
  await writeFile(photoPath({ id, contentType }), bytes, { flag: 'wx' });
  await db.insert(returnPhoto).values({ id, memberId: uploader.memberId ?? null, staffId: uploader.staffId ?? null, contentType, byteSize: bytes.length });
  return id;
}

/**
 * Attaches the caller's own unattached uploads to a new request, in its transaction and in the order given.
 * The rows are locked, so two requests naming the same upload cannot both take it.
 */
export async function attachPhotos(tx: Db, uploader: PhotoUploader, requestId: string, ids: readonly string[]): Promise<ReturnRequestError[]> {
  if (!ids.length) return [];
  if (ids.length > MAX_PHOTOS) return [returnError('TOO_MANY_PHOTOS', ['input', 'photoIds'], { max: MAX_PHOTOS })];
  const owner = uploader.memberId ? eq(returnPhoto.memberId, uploader.memberId) : eq(returnPhoto.staffId, uploader.staffId!);
  const valid = ids.filter(isId);
  const rows = valid.length
    ? await tx.select().from(returnPhoto).where(and(inArray(returnPhoto.id, valid), owner, isNull(returnPhoto.returnRequestId))).for('update')
    : [];
  const errors: ReturnRequestError[] = [];
  ids.forEach((id, i) => {
    const field = ['input', 'photoIds', String(i)];
    if (ids.indexOf(id) !== i) errors.push(returnError('DUPLICATE_PHOTO', field));
    else if (!rows.some((r) => r.id === id)) errors.push(returnError('PHOTO_NOT_FOUND', field));
  });
  if (errors.length) return errors;
  for (const [position, id] of ids.entries()) {
    await tx.update(returnPhoto).set({ returnRequestId: requestId, position, updatedAt: sql`now()` }).where(eq(returnPhoto.id, id));
  }
  return [];
}

/** Photos of many requests in one query, in their order. */
export function photosByRequestIds(db: Db, ids: readonly string[]) {
  return db.select().from(returnPhoto).where(anyId(returnPhoto.returnRequestId, ids)).orderBy(asc(returnPhoto.position));
}

/** A photo as the graph gives it: a fresh signed link to the gateway's GET /after-sales/photos/<id>. */
export function photoView(row: ReturnPhotoRow, now: number = Date.now()) {
  const { query, expiresAt } = links.sign(row.id, now);
  return { id: row.id, url: `/after-sales/photos/${row.id}?${query}`, expiresAt, contentType: row.contentType, byteSize: row.byteSize };
}

export function photoLinkValid(id: string, expires: string | null, signature: string | null, now: number = Date.now()): LinkCheck {
  return links.check(id, expires, signature, now);
}

/**
 * An attached photo's bytes for a caller who may read the request's photos (ReturnRequest.photos' rule): the request's
 * customer, or staff and keys with orders:read and contact data. Null otherwise, as when there is no such photo.
 */
export async function openPhoto(db: Db, principal: Principal, id: string): Promise<{ stream: Readable; contentType: string; byteSize: number } | null> {
  if (!isId(id)) return null;
  const [found] = await db
    .select({ photo: returnPhoto, memberId: returnRequest.memberId })
    .from(returnPhoto)
    .innerJoin(returnRequest, eq(returnRequest.id, returnPhoto.returnRequestId))
    .where(eq(returnPhoto.id, id));
  if (!found) return null;
  const own = principal.kind === 'customer' && found.memberId === principal.memberId;
  const staffReads = principal.kind !== 'customer' && scopesOf(principal).includes('orders:read');
  if (!(own || staffReads) || !mayRead('pii', principal, { own })) return null;
  const file = photoPath(found.photo);
  if (!(await stat(file).catch(() => null))?.isFile()) return null;
  return { stream: createReadStream(file), contentType: found.photo.contentType, byteSize: found.photo.byteSize };
}

/** Scheduled (hourly): removes uploads never attached within a day, rows then files. A retry finds what is left. */
export async function purgeUnattachedPhotos(_payload: unknown, db: Db, now: Date = new Date()): Promise<void> {
  const removed = await db
    .delete(returnPhoto)
    .where(and(isNull(returnPhoto.returnRequestId), lt(returnPhoto.createdAt, new Date(now.getTime() - UNATTACHED_PHOTO_TTL_MS))))
    .returning();
  for (const row of removed) await rm(photoPath(row), { force: true });
  if (removed.length) log.info({ photos: removed.length }, 'unattached return photos removed');
}

/**
 * Privacy erase, in its transaction: the member's photos (on their requests, or uploaded and never attached) go,
 * rows and files. A rolled-back erase leaves rows without files, which read as no photo; its retry removes them.
 */
export async function erasePhotosOf(tx: Db, memberId: string): Promise<void> {
  const theirRequests = tx.select({ id: returnRequest.id }).from(returnRequest).where(eq(returnRequest.memberId, memberId));
  const removed = await tx.delete(returnPhoto).where(or(eq(returnPhoto.memberId, memberId), inArray(returnPhoto.returnRequestId, theirRequests))).returning();
  for (const row of removed) await rm(photoPath(row), { force: true });
}
