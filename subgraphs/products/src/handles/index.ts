// URL handles of products, categories and collections: their shape, and free ones found in the database.
export { generateHandle, HANDLE_MAX_LENGTH, HANDLE_PATTERN, handleFrom, handleTaken } from './service.js';
