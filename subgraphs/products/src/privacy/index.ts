// What the rest of products uses of privacy: its tasks.
export { privacyTasks } from './jobs.js';
