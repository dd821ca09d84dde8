// Every userError code of members with the message it carries, built from the code and its parameters.
import { userError, type Result, type UserError } from '@shop/kit';

type Params = Record<string, string | number>;

/** The codes of MemberErrorCode in schema/members.graphql and their messages. */
const MESSAGES = {
  EMAIL_TAKEN: () => 'A member already uses this email.',
  WEAK_PASSWORD: (p: Params) => `Use at least ${p.min} characters.`,
  INVALID: (p: Params) => `${p.what} is not valid.`,
  INVALID_EMAIL: () => 'Enter an email address such as name@example.com.',
  INVALID_PHONE: () => 'Enter a phone number such as +66 81 234 5678 or 081 234 5678.',
  INVALID_NAME: (p: Params) => `The name must be 1 to ${p.max} characters.`,
  INVALID_BIRTHDAY: () => 'Enter a birthday in the past, as YYYY-MM-DD.',
  INVALID_DATE: () => 'Enter a date as YYYY-MM-DD.',
  INVALID_TAG: (p: Params) => `Tags are 1 to ${p.max} characters, at most ${p.count} of them.`,
  INVALID_TEXT: (p: Params) => `Use 1 to ${p.max} characters.`,
  INVALID_CREDENTIALS: () => 'The email or password is wrong.',
  LOGIN_THROTTLED: (p: Params) => `Too many failed sign-ins. Try again in ${p.minutes} minutes.`,
  WRONG_PASSWORD: () => 'The current password is wrong.',
  MEMBER_NOT_FOUND: () => 'No member has this id.',
  MEMBER_MERGED: () => 'This member was merged into another one; change that member instead.',
  MERGE_WITH_ITSELF: () => 'A member cannot be merged into itself.',
  ENTRY_NOT_FOUND: () => 'No contact log entry has this id.',
  NO_FOLLOW_UP: () => 'This entry has no follow-up to mark done.',
  ADDRESS_NOT_FOUND: () => 'No address of this member has this id.',
  INVALID_TOKEN: () => 'This password reset code is not valid or was already used. Ask for a new one.',
  PRODUCT_NOT_FOUND: () => 'No product has this id.',
  WISHLIST_FULL: (p: Params) => `A wishlist holds at most ${p.max} products; take one off first.`,
  TOKEN_EXPIRED: (p: Params) => `This password reset code expired after ${p.minutes} minutes. Ask for a new one.`,
  MEMBER_ERASED: () => "This member's data was erased.",
  INVALID_CHANNEL_ID: (p: Params) =>
    p.channel === 'LINE' ? 'A LINE user id is U followed by 32 hexadecimal digits.' : 'A WeChat openid is 20 to 64 letters, digits, - or _.',
  CHANNEL_ID_TAKEN: (p: Params) => `Another member is already linked to this ${p.channel === 'LINE' ? 'LINE' : 'WeChat'} id.`,
} satisfies Record<string, (params: Params) => string>;

export type MemberErrorCode = keyof typeof MESSAGES;
export type MemberError = UserError<MemberErrorCode>;
export type MemberResult<T> = Result<T, MemberErrorCode>;

/** One userError whose message comes from its code and parameters, never from the input's values. */
export function memberError(code: MemberErrorCode, field: string[] | null, params: Params = {}): MemberError {
  return userError(code, MESSAGES[code](params), field);
}

/** A failure with one coded error. */
export function memberFail(code: MemberErrorCode, field: string[] | null, params: Params = {}): { ok: false; errors: MemberError[] } {
  return { ok: false, errors: [memberError(code, field, params)] };
}
