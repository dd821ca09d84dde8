import { BodyTooLargeError, readBody, sendJson } from '@shop/kit';
// The gateway owns the HTTP route; orders' carriers entry checks the signature and records the event.
import { receiveSandboxCarrierWebhook } from '@shop/orders/carriers';
import { SANDBOX_SIGNATURE_HEADER } from '@shop/orders/payments';
import type { GatewayRoute } from './route.js';

/** Tracking events are small; anything larger is not one. */
const MAX_EVENT_BYTES = 64 * 1024;

/**
 * POST /webhooks/carriers/sandbox: the sandbox carrier reports where a parcel
 * is. Public: no session, authenticity comes from the HMAC signature over
 * timestamp and raw body, which the carriers module checks before anything else.
 */
export const sandboxCarrierWebhook: GatewayRoute = {
  method: 'POST',
  path: /^\/webhooks\/carriers\/sandbox$/,
  authenticated: false,
  async handle(req, res, { db }) {
    let body: string;
    try {
      body = await readBody(req, MAX_EVENT_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      res.setHeader('connection', 'close');
      sendJson(res, 413, { error: error.message });
      return;
    }
    const signature = req.headers[SANDBOX_SIGNATURE_HEADER];
    const answer = await receiveSandboxCarrierWebhook(db, Array.isArray(signature) ? signature[0] : signature, body);
    sendJson(res, answer.status, answer.body);
  },
};
