import type { PaymentProviderAdapter } from './provider.js';

/**
 * Bank transfer, cash on delivery, a till: the money moves outside the system
 * and an operator records that it did. Nothing to call; the operator's word is the event.
 */
export const manual: PaymentProviderAdapter = {
  name: 'MANUAL',
  capture: async (_tx, request) => ({
    ok: true,
    event: { type: 'payment.captured', provider: 'MANUAL', transactionReference: null, ...request },
  }),
  refund: async (_tx, request) => ({
    ok: true,
    event: { type: 'payment.refunded', provider: 'MANUAL', transactionReference: null, ...request },
  }),
  // Manual money is captured when recorded, so nothing authorised waits; the word suffices, as for the others.
  void: async (_tx, request) => ({
    ok: true,
    event: { type: 'payment.voided', provider: 'MANUAL', transactionReference: null, ...request },
  }),
};
