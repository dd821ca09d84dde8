// Categories: what the rest of the products domain uses (the tables products are filed through, and each product's categories).
export { categoryLinksByProductIds } from './service.js';
export { category, productCategory } from './tables.js';
