// Stock reservations: what the rest of stock uses (reserve, release, commit, the expiry task, the tables).
export * from './service.js';
export * from './tables.js';
export * from './shipping.js';
