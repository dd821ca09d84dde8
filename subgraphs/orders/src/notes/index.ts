/** Operators' notes and tags on orders. Domain code only; the graph's resolvers are in ./resolvers.js. */
export * from './service.js';
