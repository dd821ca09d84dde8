// Audit log: the entry the gateway and the audit CLI use (appending, redacting, verifying, listing).
export * from './service.js';
