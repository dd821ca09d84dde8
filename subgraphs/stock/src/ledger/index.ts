// The stock ledger: what the rest of stock uses (applying and verifying movements, stock results, the table).
export * from './service.js';
export * from './tables.js';
