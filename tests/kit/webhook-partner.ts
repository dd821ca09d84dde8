// A partner's webhook endpoint on loopback, as the README tells partners to build it: verify the signature over
// the raw body, refuse stale timestamps, then deduplicate by event id. It can fail its first requests on purpose.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature, type SignatureCheck } from '@shop/access/webhooks';

export interface ReceivedDelivery {
  eventId: string;
  timestamp: string;
  signature: string;
  body: string;
  check: SignatureCheck;
  answered: number;
}

export interface PartnerEndpoint {
  url: string;
  /** Every request, in arrival order, with what the documented check said. */
  received: ReceivedDelivery[];
  /** Event ids accepted once each (the partner's dedupe); a repeat is answered 200 but not processed again. */
  processed: string[];
  /** Answer 500 to this many more requests. */
  failNext(n: number): void;
  /** The secret the check uses (the one shown at subscription). */
  setSecret(secret: string): void;
  close(): Promise<void>;
}

export async function startPartnerEndpoint(options: { secret?: string; record?: boolean } = {}): Promise<PartnerEndpoint> {
  let secret = options.secret ?? '';
  let failures = 0;
  const record = options.record ?? true;
  const received: ReceivedDelivery[] = [];
  const processed: string[] = [];
  const seen = new Set<string>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const eventId = String(request.headers['shop-webhook-id'] ?? '');
      const timestamp = String(request.headers['shop-webhook-timestamp'] ?? '');
      const signature = String(request.headers['shop-webhook-signature'] ?? '');
      const check = verifyWebhookSignature(secret, { timestamp, signature }, body);
      let answered = 200;
      if (failures > 0) {
        failures -= 1;
        answered = 500;
      } else if (!check.ok) answered = 401;
      else if (!seen.has(eventId)) {
        seen.add(eventId);
        processed.push(eventId);
      }
      if (record) received.push({ eventId, timestamp, signature, body, check, answered });
      response.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'ok' : 'try again later');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    processed,
    failNext: (n) => {
      failures = n;
    },
    setSecret: (value) => {
      secret = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
