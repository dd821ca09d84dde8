/**
 * After-sales: return, refund-only and exchange requests. The tables are exported for the rest of orders
 * (quality counts returns per product and lot); the graph's resolvers, loaders and rules are imported from
 * ./resolvers.js, ./loaders.js and ./permissions.js by the subgraph's own.
 */
export * from './tables.js';
