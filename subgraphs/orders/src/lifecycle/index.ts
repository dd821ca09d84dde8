/** The order state machine, its transitions and its jobs. Domain code only; resolvers are in ./resolvers.js. */
export * from './service.js';
// orderShip ships through shipments; kept reachable here, where the state machine's callers look for it.
export { shipOrder } from '../shipments/ship-order.js';
