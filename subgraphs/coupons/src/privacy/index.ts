// What the rest of coupons uses of privacy: its tasks.
export { privacyTasks } from './jobs.js';
