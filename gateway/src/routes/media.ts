import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { fileTypeFromBuffer } from 'file-type';
import { scopesOf, sendJson } from '@shop/kit';
import { recordUpload } from '@shop/products/commands';
import { DEFAULT_DATA_DIR } from '../database.js';
import type { GatewayRoute } from './route.js';

/**
 * Product images: staff with catalog:write upload a raw image body, the type
 * is taken from its bytes (never from the client's Content-Type), and the file
 * is stored under a fresh uuid. Products may then point at the returned url.
 */
export const MAX_MEDIA_BYTES = 10 * 1024 * 1024;

const TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

/** Read per request so tests can point it at a temporary folder. */
export function mediaDir(): string {
  return resolve(process.env.MEDIA_DIR ?? join(process.env.DATA_DIR ?? DEFAULT_DATA_DIR, 'media'));
}

/** The body, or null once it passes `limit` bytes (the rest is left unread). */
export async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export const mediaUpload: GatewayRoute = {
  method: 'POST',
  path: /^\/media$/,
  authenticated: true,
  async handle(req, res, { context, db }) {
    const principal = context!.principal;
    if (principal.kind !== 'staff' || !scopesOf(principal).includes('catalog:write')) {
      sendJson(res, 403, { error: 'Uploading media requires a staff session with catalog:write.' });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    const body = declared > MAX_MEDIA_BYTES ? null : await readLimited(req, MAX_MEDIA_BYTES);
    if (!body) {
      sendJson(res, 413, { error: `Images may be at most ${MAX_MEDIA_BYTES} bytes.` });
      return;
    }
    const type = await fileTypeFromBuffer(body);
    if (!type || TYPES[type.ext] !== type.mime) {
      sendJson(res, 415, { error: 'Only JPEG, PNG, WebP and GIF images are accepted.' });
      return;
    }
    const name = `${randomUUID()}.${type.ext}`;
    const dir = mediaDir();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, name), body, { flag: 'wx' });
    const url = `/media/${name}`;
    await recordUpload(db, { url, contentType: type.mime, byteSize: body.length, uploadedBy: principal.staffId });
    context!.log.info({ url, bytes: body.length, staffId: principal.staffId }, 'media uploaded');
    sendJson(res, 201, { url });
  },
};

export const mediaFile: GatewayRoute = {
  method: 'GET',
  // Only names this gateway generates: no separators, no dots beyond the extension, so no traversal.
  path: /^\/media\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(jpg|png|webp|gif)$/,
  authenticated: false,
  async handle(_req, res, { match }) {
    const file = join(mediaDir(), `${match[1]}.${match[2]}`);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      sendJson(res, 404, { error: 'No such file.' });
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[match[2]!]!,
      'content-length': info.size,
      // The name is a fresh uuid per upload: the bytes behind a url never change.
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(file).pipe(res);
  },
};
