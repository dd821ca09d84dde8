/** Shipping addresses of orders and carts: parsing input, the address columns and the API's address type. */
export * from './service.js';
