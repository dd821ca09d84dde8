import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { isId, type Db } from '@shop/kit';
import { MAX_UPLOAD_BYTES } from './columns.js';
import { importUpload } from './tables.js';

/** Where uploaded import files live: IMPORT_DIR, else <DATA_DIR or .data>/imports. Gateway and worker read the same env. */
export function importDir(): string {
  return resolve(process.env.IMPORT_DIR ?? join(process.env.DATA_DIR ?? '.data', 'imports'));
}

export const uploadPath = (uploadId: string) => join(importDir(), `${uploadId}.csv`);

export class UploadTooLargeError extends Error {}

/**
 * Streams an upload to IMPORT_DIR (never whole in memory), refusing more than
 * 20 MB, and records it. The file gets its final name only once complete.
 */
export async function saveUpload(
  db: Db,
  body: AsyncIterable<Buffer>,
  meta: { fileName: string; uploadedBy: string | null },
): Promise<{ id: string; byteSize: number }> {
  const id = randomUUID();
  await mkdir(importDir(), { recursive: true });
  const partial = join(importDir(), `${id}.part`);
  const hash = createHash('sha256');
  let byteSize = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      byteSize += chunk.length;
      if (byteSize > MAX_UPLOAD_BYTES) return done(new UploadTooLargeError(`An import file may hold at most ${MAX_UPLOAD_BYTES} bytes.`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(partial));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, uploadPath(id));
  await db.insert(importUpload).values({ id, fileName: meta.fileName, byteSize, sha256: hash.digest('hex'), uploadedBy: meta.uploadedBy });
  return { id, byteSize };
}

export async function uploadById(db: Db, uploadId: string) {
  if (!isId(uploadId)) return null;
  const [row] = await db.select().from(importUpload).where(eq(importUpload.id, uploadId));
  return row ?? null;
}
