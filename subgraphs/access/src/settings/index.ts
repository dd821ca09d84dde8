// Shop settings: what the rest of access uses (validating and saving a change through the kit).
export * from './service.js';
