/** The dashboard's members tile is the follow-up list's own count (contacts/); only its resolver lives here, in ./resolvers.js. */
export { countFollowUpsDue as followUpsDue } from '../contacts/index.js';
