/** Delivery exceptions: opened by tracking, resolved by staff. */
export {
  deliveryException,
  type DeliveryExceptionKind,
  type DeliveryExceptionResolution,
  type DeliveryExceptionRow,
} from './tables.js';
