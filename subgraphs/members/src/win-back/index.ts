// What the rest of members uses of win-back.
export { WIN_BACK, lapsedMembers, winBackKey, winBackLapsedMembers, winBackTask, type Lapse } from './service.js';
