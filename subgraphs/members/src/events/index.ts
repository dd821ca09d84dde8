// What the rest of members imports about behaviour events: device attach at sign-in and the summary task.
export { deviceAttach } from './devices.js';
export { SUMMARISE_EVENTS, summariseEventsTask } from './summaries.js';
