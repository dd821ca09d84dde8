// What the rest of members imports about guest cart attach.
export { CART_ATTACH_TASK, attachGuestCart } from './service.js';
