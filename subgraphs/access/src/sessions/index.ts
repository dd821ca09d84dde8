// Staff sessions: what the rest of access uses (login, logout, step-up, the throttle).
export * from './service.js';
