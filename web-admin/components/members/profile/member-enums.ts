import type { AcquisitionChannel, ContactChannel, ConsentChannel, MemberGender, MemberLocale, MessagingChannel } from '@/gql/graphql';
import { enumValues } from '@/lib/enum-values';

/** The API's member enums in the order the console's menus list them. */
export const genders = enumValues<MemberGender>()(['FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED']);
export const memberLocales = enumValues<MemberLocale>()(['en', 'th', 'zh_CN', 'zh_TW', 'ar']);
export const acquisitionChannels = enumValues<AcquisitionChannel>()([
  'ONLINE_STORE', 'MOBILE_APP', 'MINI_PROGRAM', 'POINT_OF_SALE', 'PHONE', 'MARKETPLACE', 'REFERRAL', 'OTHER',
]);
export const consentChannels = enumValues<ConsentChannel>()(['EMAIL', 'SMS', 'LINE', 'WECHAT']);
export const messagingChannels = enumValues<MessagingChannel>()(['LINE', 'WECHAT']);
export const contactChannels = enumValues<ContactChannel>()(['CALL', 'CHAT', 'EMAIL', 'LINE', 'WECHAT', 'VISIT']);
