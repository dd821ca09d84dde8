// Low-stock alerts: what the rest of stock uses (raising and resolving alerts, the notification task, the table).
export * from './service.js';
export * from './tables.js';
