// Categories: what the rest of the products domain uses (the tables products are filed through).
export { category, productCategory } from './tables.js';
