// Every userError of members, by area (member, loyalty, segment, event): the code and the message built from the
// code and its parameters, never from the input's values; English when made, the caller's language when
// answered (the kit's answeringInCallersLanguage at the subgraph boundary).
import { errorMakers, type Catalogue, type CodeOf, type Result, type UserError } from '@shop/kit';
import { ar } from './messages/ar.js';
import { en } from './messages/en.js';
import { th } from './messages/th.js';
import { zhCN } from './messages/zh-CN.js';
import { zhTW } from './messages/zh-TW.js';

/** Members' messages in the shop's five languages (the type checks that each locale has every key). */
export const MEMBERS_CATALOGUE: Catalogue<typeof en> = { en, th, 'zh-CN': zhCN, 'zh-TW': zhTW, ar };

type Codes<A extends keyof typeof en> = CodeOf<keyof (typeof en)[A] & string>;

export type MemberErrorCode = Codes<'member'>;
export type MemberError = UserError<MemberErrorCode>;
export type MemberResult<T> = Result<T, MemberErrorCode>;
export type SegmentErrorCode = Codes<'segment'>;
export type SegmentError = UserError<SegmentErrorCode>;
export type SegmentResult<T> = Result<T, SegmentErrorCode>;
export type EventErrorCode = Codes<'event'>;
export type EventError = UserError<EventErrorCode>;

export const { error: memberError, fail: memberFail } = errorMakers(MEMBERS_CATALOGUE, 'member');
export const { error: loyaltyError, fail: loyaltyFail } = errorMakers(MEMBERS_CATALOGUE, 'loyalty');
export const { error: segmentError, fail: segmentFail } = errorMakers(MEMBERS_CATALOGUE, 'segment');
export const { error: eventError } = errorMakers(MEMBERS_CATALOGUE, 'event');
