// Partner webhooks: what the rest of access uses (the tasks, the loaders' queries) and the partner's signature check.
export { DELIVER_TASK, deliverOnce, FAN_OUT_TASK, fanOutEvent } from './delivery.js';
export { attemptsByDeliveryIds, subscriptionsByIds } from './service.js';
export { ID_HEADER, SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS, TIMESTAMP_HEADER, verifyWebhookSignature, webhookSignature, type SignatureCheck } from './signature.js';
