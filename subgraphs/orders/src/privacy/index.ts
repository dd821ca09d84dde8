// What the rest of orders uses of privacy: its tasks.
export { privacyTasks } from './jobs.js';
