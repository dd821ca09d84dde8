/** Payments: providers, records, webhooks and reconciliation. */
import type { Task } from '@shop/kit';
import { deliverSandboxWebhook, SANDBOX_WEBHOOK_TASK } from './providers/sandbox.js';

export { paymentPermissions, paymentResolvers } from './resolvers.js';
export { createPendingPayment, hasAuthorizedPayment, recordManualPayment } from './service.js';
export { paymentStateCondition, PAYMENT_STATES, type PaymentState } from './state.js';
export { receiveSandboxWebhook, type WebhookAnswer } from './webhook.js';
export { SANDBOX_SIGNATURE_HEADER, sandboxSignature } from './providers/sandbox.js';

export const paymentTasks: Record<string, Task> = {
  [SANDBOX_WEBHOOK_TASK]: (payload) => deliverSandboxWebhook(payload),
};
