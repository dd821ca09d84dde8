// Stocktakes: what the rest of stock uses (previewing and applying a counted sheet).
export * from './service.js';
