// GraphQL resolvers of access: the permission catalog, merged with those of staff, roles, API keys, sessions, audit, webhooks and shop settings.
import { SCOPES } from '../../../schema/scopes.js';
import { apiKeyResolvers } from './api-keys/resolvers.js';
import { auditQueryResolvers } from './audit/resolvers.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { roleResolvers } from './roles/resolvers.js';
import { sessionResolvers } from './sessions/resolvers.js';
import { settingsResolvers } from './settings/resolvers.js';
import { staffResolvers } from './staff/resolvers.js';
import { webhookResolvers } from './webhooks/resolvers.js';

export const resolvers: Resolvers = {
  Query: {
    ...staffResolvers.Query,
    ...roleResolvers.Query,
    ...apiKeyResolvers.Query,
    ...auditQueryResolvers,
    ...webhookResolvers.Query,
    ...settingsResolvers.Query,
    scopes: () => Object.entries(SCOPES).map(([id, scope]) => ({ id, ...scope })),
  },
  Mutation: {
    ...sessionResolvers.Mutation,
    ...staffResolvers.Mutation,
    ...roleResolvers.Mutation,
    ...apiKeyResolvers.Mutation,
    ...webhookResolvers.Mutation,
    ...settingsResolvers.Mutation,
  },
  Staff: staffResolvers.Staff,
  Role: roleResolvers.Role,
  WebhookSubscription: webhookResolvers.WebhookSubscription,
  WebhookDelivery: webhookResolvers.WebhookDelivery,
  WebhookEventType: webhookResolvers.WebhookEventType,
};
