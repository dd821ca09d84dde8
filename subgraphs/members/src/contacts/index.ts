// What the rest of members imports about the contact log.
export { addContactLogEntry, contactLogOf, countFollowUpsDue, followUpsDue, markFollowUpDone, type ContactLogAddInput } from './service.js';
export type { ContactChannel, ContactLogRow } from './tables.js';
