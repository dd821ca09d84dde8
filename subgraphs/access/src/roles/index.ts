// Roles: what the rest of access uses (creating, changing and listing roles).
export * from './service.js';
