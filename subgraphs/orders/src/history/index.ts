/** Order history: who acted, appending entries and locking an order row (a leaf every sub-area may use). */
export * from './service.js';
