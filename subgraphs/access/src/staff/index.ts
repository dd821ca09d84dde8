// Staff accounts: what the rest of access uses (account columns and reads, email normalising, the writes).
export * from './service.js';
