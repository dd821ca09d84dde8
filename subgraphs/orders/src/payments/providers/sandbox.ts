import { createHmac, randomBytes } from 'node:crypto';
import { ok, type Db, type Result } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { sandboxWebhookSecret } from '../secret.js';
import type { MoneyRequest, PaymentProviderAdapter, ProviderEvent, ProviderOutcome } from './provider.js';
import { paymentFail } from '../../errors/index.js';

/**
 * A simulated card gateway. It authorises, captures, refunds and voids at once and,
 * like a real gateway, also reports each of those as a signed webhook to
 * POST /webhooks/payments/sandbox (delivered by a job, retried until accepted).
 *
 * Test cards (any future expiry, any 3-4 digit CVC): 4242 4242 4242 4242 and
 * 5555 5555 5555 4444 are approved; 4000 0000 0000 0002 is declined and
 * 4000 0000 0000 9995 is declined for insufficient funds.
 */
export const SANDBOX_WEBHOOK_TASK = 'payments.sandboxWebhook';
export const SANDBOX_SIGNATURE_HEADER = 'sandbox-signature';

const DECLINED: Record<string, 'CARD_DECLINED' | 'CARD_DECLINED:insufficientFunds'> = {
  '4000000000000002': 'CARD_DECLINED',
  '4000000000009995': 'CARD_DECLINED:insufficientFunds',
};

export interface CardInput {
  number: string;
  expiryMonth: number;
  expiryYear: number;
  cvc: string;
}

export type CardErrorCode = 'INVALID_CARD' | 'CARD_DECLINED';

const reference = (kind: 'auth' | 'cap' | 'ref' | 'void') => `sbx_${kind}_${randomBytes(12).toString('hex')}`;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function brandOf(digits: string): string {
  if (/^4/.test(digits)) return 'VISA';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'MASTERCARD';
  if (/^3[47]/.test(digits)) return 'AMEX';
  if (/^35/.test(digits)) return 'JCB';
  if (/^62/.test(digits)) return 'UNIONPAY';
  return 'CARD';
}

/** Card checks a gateway makes before asking the issuer; the card itself is never stored. */
function checkCard(card: CardInput, now = new Date()): Result<string, CardErrorCode> {
  const at = (field: string) => ['input', 'card', field];
  const digits = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits) || !luhn(digits)) return paymentFail('INVALID_CARD', at('number'));
  if (!Number.isInteger(card.expiryMonth) || card.expiryMonth < 1 || card.expiryMonth > 12) {
    return paymentFail('INVALID_CARD:expiryMonth', at('expiryMonth'));
  }
  const year = card.expiryYear < 100 ? 2000 + card.expiryYear : card.expiryYear;
  if (!Number.isInteger(year) || year * 12 + card.expiryMonth < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) {
    return paymentFail('INVALID_CARD:expired', at('expiryYear'));
  }
  if (!/^\d{3,4}$/.test(card.cvc)) return paymentFail('INVALID_CARD:cvc', at('cvc'));
  return ok(digits);
}

/** The webhook a real gateway would send for `event`, queued in the caller's transaction. */
async function notify(tx: Db, event: ProviderEvent): Promise<void> {
  await enqueue(tx, SANDBOX_WEBHOOK_TASK, { event: toWire(event, `evt_${randomBytes(12).toString('hex')}`) });
}

async function settle(tx: Db, event: ProviderEvent): Promise<ProviderOutcome> {
  await notify(tx, event);
  return { ok: true, event };
}

export const sandbox: PaymentProviderAdapter & {
  authorize(tx: Db, request: Omit<MoneyRequest, 'paymentReference'> & { card: CardInput }): Promise<Result<ProviderEvent, CardErrorCode>>;
} = {
  name: 'SANDBOX',
  async authorize(tx, { card, ...request }) {
    const checked = checkCard(card);
    if (!checked.ok) return checked;
    const declined = DECLINED[checked.value];
    if (declined) return paymentFail(declined, ['input', 'card', 'number']);
    const event: ProviderEvent = {
      type: 'payment.authorized',
      provider: 'SANDBOX',
      ...request,
      paymentReference: reference('auth'),
      transactionReference: null,
      card: { brand: brandOf(checked.value), last4: checked.value.slice(-4) },
    };
    // The authorisation is the payment itself: its reference doubles as the movement's.
    event.transactionReference = event.paymentReference;
    await notify(tx, event);
    return ok(event);
  },
  capture: (tx, request) => settle(tx, { type: 'payment.captured', provider: 'SANDBOX', ...request, transactionReference: reference('cap') }),
  refund: (tx, request) => settle(tx, { type: 'payment.refunded', provider: 'SANDBOX', ...request, transactionReference: reference('ref') }),
  void: (tx, request) => settle(tx, { type: 'payment.voided', provider: 'SANDBOX', ...request, transactionReference: reference('void') }),
};

/** A webhook event as it travels: amounts as strings of minor units. */
export interface WireEvent {
  id: string;
  type: ProviderEvent['type'];
  created: number;
  data: {
    orderId: string;
    paymentReference: string;
    transactionReference: string;
    amountMinor: string;
    currencyCode: string;
    card?: { brand: string; last4: string } | null;
  };
}

export function toWire(event: ProviderEvent, id: string): WireEvent {
  return {
    id,
    type: event.type,
    created: Math.floor(Date.now() / 1000),
    data: {
      orderId: event.orderId,
      paymentReference: event.paymentReference!,
      transactionReference: event.transactionReference!,
      amountMinor: event.amountMinor.toString(),
      currencyCode: event.currencyCode,
      card: event.card ?? null,
    },
  };
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 over "<t>.<body>">`, as Stripe-style gateways sign. */
export function sandboxSignature(body: string, timestamp: number, secret = sandboxWebhookSecret()): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

function webhookUrl(): string {
  return process.env.SANDBOX_WEBHOOK_URL ?? `http://127.0.0.1:${process.env.PORT ?? 4000}/webhooks/payments/sandbox`;
}

/**
 * The job that delivers one webhook, signed at sending time. Accepted (2xx) or
 * already seen (409, an earlier attempt got through) ends it; anything else
 * throws so the worker retries with backoff.
 */
export async function deliverSandboxWebhook(payload: unknown): Promise<void> {
  const body = JSON.stringify((payload as { event: WireEvent }).event);
  const response = await fetch(webhookUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: sandboxSignature(body, Math.floor(Date.now() / 1000)) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok && response.status !== 409) {
    throw new Error(`Sandbox webhook answered ${response.status}: ${await response.text()}`);
  }
}
