// Purchasing: what the rest of stock uses (suppliers, purchase orders, replenishment, the tables).
export * from './purchase-orders.js';
export * from './replenishment.js';
export * from './suppliers.js';
export * from './tables.js';
export * from './lots.js';
