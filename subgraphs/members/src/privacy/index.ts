// What the rest of members (and the gateway's download route, through @shop/members/privacy) uses of privacy requests.
export { exportLinkValid } from './link.js';
export { privacyTasks } from './jobs.js';
export { createPrivacyLoaders } from './loaders.js';
export { exportDocument, isErased, privacyPartDone, type PrivacyDomain } from './service.js';
