// Reviews: what the rest of the products domain uses (a product's reviews, the tables the demo seed fills).
export { listReviews } from './service.js';
export { purchase, review } from './tables.js';
