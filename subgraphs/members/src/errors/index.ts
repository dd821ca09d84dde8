// What the rest of members imports for userErrors.
export { memberError, memberFail, type MemberError, type MemberErrorCode, type MemberResult } from './codes.js';
