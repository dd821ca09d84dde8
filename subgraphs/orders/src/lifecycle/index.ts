/** The order state machine, its transitions and its jobs. Domain code only; resolvers are in ./resolvers.js. */
export * from './service.js';
