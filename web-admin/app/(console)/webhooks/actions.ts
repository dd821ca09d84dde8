'use server';

import { runMutation, type ActionResult } from '@/lib/mutation';

import {
  WebhookDeliveryRedeliver,
  WebhookSubscriptionCreate,
  WebhookSubscriptionDelete,
  WebhookSubscriptionRotateSecret,
  WebhookSubscriptionUpdate,
  type WebhookSubscriptionCreateInput,
} from './webhooks.graphql';

/** webhookSubscriptionCreate. The signing secret goes straight back to the browser that asked, which shows it once. */
export async function createWebhookSubscription(input: WebhookSubscriptionCreateInput): Promise<ActionResult<{ secret: string }>> {
  return runMutation(WebhookSubscriptionCreate, { input }, (d) => d.webhookSubscriptionCreate, (p) => ({ secret: p.secret ?? '' }));
}

/** webhookSubscriptionUpdate: pause or resume deliveries. */
export async function setWebhookSubscriptionActive(id: string, active: boolean): Promise<ActionResult<null>> {
  return runMutation(WebhookSubscriptionUpdate, { input: { id, active } }, (d) => d.webhookSubscriptionUpdate, () => null);
}

/** webhookSubscriptionDelete: no new deliveries; the log stays. */
export async function deleteWebhookSubscription(id: string): Promise<ActionResult<null>> {
  return runMutation(WebhookSubscriptionDelete, { input: { id } }, (d) => d.webhookSubscriptionDelete, () => null);
}

/** webhookSubscriptionRotateSecret: the new secret is shown once, the old one stops at once. */
export async function rotateWebhookSecret(id: string): Promise<ActionResult<{ secret: string }>> {
  return runMutation(WebhookSubscriptionRotateSecret, { input: { id } }, (d) => d.webhookSubscriptionRotateSecret, (p) => ({ secret: p.secret ?? '' }));
}

/** webhookDeliveryRedeliver: a fresh series of attempts, starting now. */
export async function redeliverWebhook(id: string): Promise<ActionResult<null>> {
  return runMutation(WebhookDeliveryRedeliver, { input: { id } }, (d) => d.webhookDeliveryRedeliver, () => null);
}
