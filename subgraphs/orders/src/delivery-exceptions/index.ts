/** Delivery exceptions: opened by tracking, resolved by staff. Resolvers are in ./resolvers.js. */
export { countDeliveryExceptions, listDeliveryExceptions, resolveDeliveryException, type ResolveInput } from './service.js';
export {
  deliveryException,
  type DeliveryExceptionKind,
  type DeliveryExceptionResolution,
  type DeliveryExceptionRow,
} from './tables.js';
