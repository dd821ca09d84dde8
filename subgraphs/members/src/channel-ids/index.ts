// What the rest of members uses of members' LINE and WeChat ids (the graph's resolvers and rules are in ./resolvers.js).
export { memberMessagingId, type MemberChannelIdRow, type MessagingChannel } from './tables.js';
export { moveChannelIds } from './service.js';
