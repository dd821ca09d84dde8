import type { Db } from '@shop/kit';
import type { PaymentProvider } from '../tables.js';

/**
 * What a provider reports it did with money: the API answer to our call or a
 * webhook, in one shape, so both are recorded by the same code (and once, by
 * the transaction reference).
 */
export interface ProviderEvent {
  type: 'payment.authorized' | 'payment.captured' | 'payment.refunded' | 'payment.voided';
  provider: PaymentProvider;
  orderId: string;
  /** The provider's payment; null for manual payments, which are recorded by our own id. */
  paymentReference: string | null;
  /** The provider's id of this movement; null when the provider has none (manual). */
  transactionReference: string | null;
  amountMinor: bigint;
  currencyCode: string;
  card?: { brand: string; last4: string } | null;
}

/** One payment's money as the provider is asked to move it. */
export interface MoneyRequest {
  orderId: string;
  paymentReference: string | null;
  amountMinor: bigint;
  currencyCode: string;
}

export type ProviderOutcome = { ok: true; event: ProviderEvent } | { ok: false; code: 'PROVIDER_REFUSED'; message: string };

/**
 * A way of getting paid. `capture` takes money authorised earlier (a card
 * gateway) or notes money an operator received (manual); `refund` gives it
 * back; `void` lets an authorisation never captured go (the card's hold is
 * lifted). All run inside the caller's transaction and may add jobs to it.
 */
export interface PaymentProviderAdapter {
  readonly name: PaymentProvider;
  capture(tx: Db, request: MoneyRequest): Promise<ProviderOutcome>;
  refund(tx: Db, request: MoneyRequest): Promise<ProviderOutcome>;
  void(tx: Db, request: MoneyRequest): Promise<ProviderOutcome>;
}
