// What the rest of orders imports for userErrors.
export * from './codes.js';
