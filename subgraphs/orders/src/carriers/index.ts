/**
 * Carriers as data and their adapters, and the sandbox carrier's webhook (the gateway owns the route).
 * Resolvers are in ../shipments/resolvers.js with the rest of fulfilment.
 */
import type { Task } from '@shop/kit';
import { deliverSandboxCarrierEvent, SANDBOX_CARRIER_TASK } from './sandbox.js';

export { bookWaybill, findActiveCarrier, trackingUrl } from './adapters.js';
export { CARRIERS, ensureCarriers } from './seed.js';
export { carrierWireEvent, deliverSandboxCarrierEvent, sandboxAdvance, SANDBOX_CARRIER_TASK, type CarrierWireEvent } from './sandbox.js';
export { carrier, carrierAdapter, type CarrierAdapter, type CarrierRow } from './tables.js';
export { receiveSandboxCarrierWebhook } from './webhook.js';

export const carrierTasks: Record<string, Task> = {
  [SANDBOX_CARRIER_TASK]: (payload) => deliverSandboxCarrierEvent(payload),
};
