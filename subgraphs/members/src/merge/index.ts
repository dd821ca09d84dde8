// What the rest of members imports about merging duplicates.
export { mergeMembers, type MergeOutcome } from './service.js';
