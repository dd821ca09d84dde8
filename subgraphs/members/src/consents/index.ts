// What the rest of members imports about consents.
export { consentHistoryOf, consentsOf, setConsents, type ConsentActor, type ConsentChange } from './service.js';
