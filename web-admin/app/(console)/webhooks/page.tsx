import { getLocale, getTranslations } from 'next-intl/server';

import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { WebhookDeliveriesTable, type DeliveryRow } from '@/components/webhooks/webhook-deliveries-table';
import { WebhookSubscriptionsTable, type SubscriptionRow } from '@/components/webhooks/webhook-subscriptions-table';
import { allows } from '@/lib/access';
import { mapNodes, pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDateTime } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { WebhooksPage as WebhooksQuery, type WebhookDeliveryStatus } from './webhooks.graphql';

const STATUSES: readonly WebhookDeliveryStatus[] = ['PENDING', 'RETRYING', 'DELIVERED', 'DEAD'];

/** Partner webhooks (webhooks:manage): subscriptions, then the delivery log with its attempts and redelivery. */
export default async function WebhooksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'webhooks')) return <Forbidden />;
  const params = await searchParams;
  const status = STATUSES.find((s) => s === param(params, 'status')) ?? null;
  const [{ data, errors }, locale, t] = await Promise.all([
    request(WebhooksQuery, { ...pageVariables(params), filter: status ? { status } : null }),
    getLocale(),
    getTranslations('webhooks'),
  ]);
  if (!data?.webhookSubscriptions || !data.webhookDeliveries) return pageFailure(errors);
  const shop = await getShopSettings();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale, shop) : null);
  const subscriptions = data.webhookSubscriptions.edges.map(({ node }): SubscriptionRow => ({ ...node, createdAt: when(node.createdAt)! }));
  const deliveries = mapNodes(data.webhookDeliveries, (node): DeliveryRow => ({
    id: node.id,
    eventId: node.eventId,
    eventType: node.eventType,
    status: node.status,
    attemptCount: node.attemptCount,
    lastStatusCode: node.lastStatusCode ?? null,
    lastError: node.lastError ?? null,
    url: node.subscription?.url ?? null,
    createdAt: when(node.createdAt)!,
    nextAttemptAt: when(node.nextAttemptAt ?? null),
    attempts: node.attempts.map((a) => ({ ...a, statusCode: a.statusCode ?? null, errorCode: a.errorCode ?? null, responseSnippet: a.responseSnippet ?? null, startedAt: when(a.startedAt)! })),
  }));
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <WebhookSubscriptionsTable rows={subscriptions} />
      <WebhookDeliveriesTable deliveries={deliveries} status={status} />
    </>
  );
}
