// Collections: what the rest of the products domain uses (the tables that group products).
export { collection, collectionProduct, type CollectionRow } from './tables.js';
