import { fileTypeFromBuffer } from 'file-type';
import { sendJson } from '@shop/kit';
import { MAX_PHOTO_BYTES, openPhoto, photoLinkValid, PHOTO_TYPES, savePhoto, uploaderOf } from '@shop/orders/after-sales';
import { LeakyBuckets } from '../limits/bucket.js';
import { bucketKey } from '../limits/cost-plugin.js';
import { readLimited } from './media.js';
import type { GatewayRoute } from './route.js';

/** Uploads a caller may make at once, and regains per second (one every 6 s): enough for a request's 5 photos and retries. */
const uploads = new LeakyBuckets(Number(process.env.RETURN_PHOTO_BURST ?? 10), 1 / 6);

/**
 * POST /after-sales/photos: a photo for a return request, as the raw body. A signed-in customer, or staff with
 * orders:write; the type is read from the bytes (JPEG, PNG or WebP), at most 10 MB, throttled per caller. Stored
 * privately (RETURN_PHOTO_DIR, never the public media folder); answers { id } for the request's photoIds.
 */
export const returnPhotoUpload: GatewayRoute = {
  method: 'POST',
  path: /^\/after-sales\/photos$/,
  authenticated: true,
  async handle(req, res, { context, db }) {
    const principal = context!.principal;
    const uploader = uploaderOf(principal);
    if (!uploader) {
      sendJson(res, 403, { error: 'Uploading return photos needs a customer session or a staff session with orders:write.', code: 'FORBIDDEN' });
      return;
    }
    const taken = uploads.take(bucketKey(principal, context!.clientAddress), 1);
    if (!taken.ok) {
      res.setHeader('retry-after', String(taken.retryAfterSeconds));
      sendJson(res, 429, { error: `Too many uploads; retry in ${taken.retryAfterSeconds} s.`, code: 'THROTTLED' });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    const body = declared > MAX_PHOTO_BYTES ? null : await readLimited(req, MAX_PHOTO_BYTES);
    if (!body) {
      res.setHeader('connection', 'close');
      sendJson(res, 413, { error: `A photo may be at most ${MAX_PHOTO_BYTES} bytes.`, code: 'PAYLOAD_TOO_LARGE' });
      return;
    }
    const type = await fileTypeFromBuffer(body);
    if (!type || !PHOTO_TYPES[type.mime]) {
      sendJson(res, 415, { error: 'Only JPEG, PNG and WebP images are accepted.', code: 'UNSUPPORTED_MEDIA_TYPE' });
      return;
    }
    const id = await savePhoto(db, uploader, body, type.mime);
    context!.log.info({ photoId: id, bytes: body.length }, 'return photo uploaded');
    sendJson(res, 201, { id });
  },
};

/**
 * GET /after-sales/photos/<id>?expires=…&signature=…: a request's photo through the signed link ReturnRequest.photos
 * gives (valid 10 minutes). The link alone is not enough: the caller is the request's customer, or staff or a key
 * with orders:read and members:read_pii, as reading the photos needs.
 */
export const returnPhotoFile: GatewayRoute = {
  method: 'GET',
  path: /^\/after-sales\/photos\/([0-9a-f-]{36})$/,
  authenticated: true,
  async handle(req, res, { context, db, match }) {
    const id = match[1]!;
    const params = new URL(req.url ?? '/', 'http://gateway').searchParams;
    const link = photoLinkValid(id, params.get('expires'), params.get('signature'));
    if (link !== 'VALID') {
      const expired = link === 'EXPIRED';
      sendJson(res, expired ? 410 : 403, {
        error: expired ? 'This photo link has expired; open the request again for a fresh one.' : 'This photo link is not valid.',
        code: expired ? 'LINK_EXPIRED' : 'FORBIDDEN',
      });
      return;
    }
    const photo = await openPhoto(db, context!.principal, id);
    if (!photo) {
      sendJson(res, 404, { error: 'No photo you may see has this id.', code: 'NOT_FOUND' });
      return;
    }
    res.writeHead(200, {
      'content-type': photo.contentType,
      'content-length': photo.byteSize,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
    photo.stream.pipe(res);
  },
};
