// What the rest of members uses of members' LINE and WeChat ids.
export { channelIdPermissions, channelIdResolvers } from './resolvers.js';
export { channelIdsByMemberIds } from './service.js';
export { memberMessagingId, type MemberChannelIdRow, type MessagingChannel } from './tables.js';
