// Partner webhooks: what the rest of access uses (the tasks, the loaders' queries, the resolvers).
export { DELIVER_TASK, deliverOnce, FAN_OUT_TASK, fanOutEvent } from './delivery.js';
export { attemptsByDeliveryIds, subscriptionsByIds } from './service.js';
export { webhookResolvers } from './resolvers.js';
export { ID_HEADER, SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS, TIMESTAMP_HEADER, verifyWebhookSignature, webhookSignature, type SignatureCheck } from './signature.js';
