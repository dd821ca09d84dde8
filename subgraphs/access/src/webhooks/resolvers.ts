// Partner webhooks: GraphQL resolvers of subscriptions, the delivery log and redelivery.
import { mutate, payload } from '@shop/kit/mutation';
import type { DomainEventType } from '@shop/kit/domain-events';
import type { Resolvers } from '../generated/resolvers-types.js';
import { webhookDeliveryRedeliver } from './delivery.js';
import {
  listWebhookDeliveries,
  listWebhookSubscriptions,
  webhookSubscriptionCreate,
  webhookSubscriptionDelete,
  webhookSubscriptionRotateSecret,
  webhookSubscriptionUpdate,
} from './service.js';

/** GraphQL enum value → wire name (ORDER_STATUS_CHANGED → order.status_changed). */
const EVENT_TYPES = {
  ORDER_CREATED: 'order.created',
  ORDER_STATUS_CHANGED: 'order.status_changed',
  SHIPMENT_CREATED: 'shipment.created',
  SHIPMENT_TRACKING_UPDATED: 'shipment.tracking_updated',
  SHIPMENT_DELIVERED: 'shipment.delivered',
  DELIVERY_EXCEPTION_OPENED: 'delivery_exception.opened',
  DELIVERY_EXCEPTION_RESOLVED: 'delivery_exception.resolved',
  AFTER_SALES_REQUESTED: 'after_sales.requested',
  AFTER_SALES_STATUS_CHANGED: 'after_sales.status_changed',
  AFTER_SALES_REFUNDED: 'after_sales.refunded',
} as const satisfies Record<string, DomainEventType>;

export const webhookResolvers: Resolvers = {
  Query: {
    webhookSubscriptions: (_, args, ctx) => listWebhookSubscriptions(ctx.db, ctx.principal, args),
    webhookDeliveries: (_, args, ctx) => listWebhookDeliveries(ctx.db, ctx.principal, args),
  },
  Mutation: {
    webhookSubscriptionCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => webhookSubscriptionCreate(tx, ctx.principal, input)), (value) => value),
    webhookSubscriptionUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => webhookSubscriptionUpdate(tx, ctx.principal, input)), (subscription) => ({ subscription })),
    webhookSubscriptionDelete: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => webhookSubscriptionDelete(tx, ctx.principal, input)), (value) => value),
    webhookSubscriptionRotateSecret: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => webhookSubscriptionRotateSecret(tx, ctx.principal, input)), (value) => value),
    webhookDeliveryRedeliver: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => webhookDeliveryRedeliver(tx, ctx.principal, input)), (delivery) => ({ delivery })),
  },
  WebhookSubscription: {
    eventTypes: (row) => row.eventTypes as DomainEventType[],
    ownedByApiKey: (row) => row.apiKeyId !== null,
  },
  WebhookDelivery: {
    subscription: (row, _, ctx) => ctx.loaders.webhookSubscriptionById.load(row.subscriptionId),
    eventType: (row) => row.eventType as DomainEventType,
    attempts: (row, _, ctx) => ctx.loaders.webhookAttemptsByDeliveryId.load(row.id),
  },
  WebhookEventType: EVENT_TYPES,
};
