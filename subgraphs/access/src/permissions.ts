// Who may enter each query and mutation of access.
import { rules, type EntryPointRules } from '@shop/kit/shield';

/**
 * Who may enter the access subgraph where. Scopes and the step-up are the
 * gateway's checks (schema/access.graphql); here only the caller's kind counts:
 * operations on "my" session need staff, the rest any operator the gateway let through.
 */
export const permissions: EntryPointRules = {
  Query: {
    me: rules.public,
    staff: rules.operator,
    roles: rules.operator,
    scopes: rules.staff,
    apiKeys: rules.operator,
    auditLog: rules.operator,
    // Row rules in the queries: a partner key sees only its own subscriptions and their deliveries.
    webhookSubscriptions: rules.operator,
    webhookDeliveries: rules.operator,
    shopSettings: rules.public,
  },
  Mutation: {
    staffLogin: rules.public,
    staffLogout: rules.staff,
    stepUpConfirm: rules.staff,
    staffCreate: rules.operator,
    staffUpdate: rules.staff,
    staffDisable: rules.staff,
    roleCreate: rules.staff,
    roleUpdate: rules.staff,
    apiKeyCreate: rules.staff,
    apiKeyRevoke: rules.operator,
    webhookSubscriptionCreate: rules.operator,
    webhookSubscriptionUpdate: rules.operator,
    webhookSubscriptionDelete: rules.operator,
    webhookSubscriptionRotateSecret: rules.operator,
    webhookDeliveryRedeliver: rules.operator,
    // The step-up the gateway asks for is a staff session's: only staff get here.
    shopSettingsUpdate: rules.staff,
  },
};
