/** What a caller may do with an order now. Domain code only; the graph's resolver is in ./resolvers.js. */
export * from './service.js';
