/** What a caller may see of an order: internal history, contact data, flags and labels. */
export * from './service.js';
