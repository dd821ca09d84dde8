// Transfers between warehouses: what the rest of stock uses (creating, shipping and receiving transfers, the tables).
export * from './service.js';
export * from './tables.js';
