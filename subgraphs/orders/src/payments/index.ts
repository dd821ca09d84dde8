/**
 * Payments: providers, records, webhooks and reconciliation. The domain code the rest of orders and
 * the gateway use; the graph's resolvers, loaders and rules are imported from ./resolvers.js,
 * ./loaders.js and ./permissions.js by the subgraph's own, so this barrel stays free of them (and of
 * the cycle they would make).
 */
import type { Task } from '@shop/kit';
import { deliverSandboxWebhook, SANDBOX_WEBHOOK_TASK } from './providers/sandbox.js';

export { createPendingPayment, paymentSums, recordManualPayment, refundAllCaptured, refundOrderUpTo, stepUpThreshold, voidOpenAuthorizations, type PaymentErrorCode } from './service.js';
export type { PaymentRow } from './tables.js';
export { hasAuthorizedPayment, moneyOf, paymentStateCondition, PAYMENT_STATES, type PaymentState } from './state.js';
export { receiveSandboxWebhook, type WebhookAnswer } from './webhook.js';
export { deliverSandboxWebhook, SANDBOX_SIGNATURE_HEADER, sandboxSignature } from './providers/sandbox.js';

export const paymentTasks: Record<string, Task> = {
  [SANDBOX_WEBHOOK_TASK]: (payload) => deliverSandboxWebhook(payload),
};
