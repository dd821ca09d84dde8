// Order facts: what the rest of the orders domain uses to keep other domains' copies of orders current.
export * from './service.js';
