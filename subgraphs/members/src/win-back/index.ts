// What the rest of members uses of win-back.
export { WIN_BACK, lapsedMembers, winBackKey, type Lapse } from './service.js';
