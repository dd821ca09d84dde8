// The availability feed: what the rest of stock uses (enqueueing a variant, the feed task).
export * from './service.js';
