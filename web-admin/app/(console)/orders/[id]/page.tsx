import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { OrderReturnRequestsButton } from '@/components/after-sales/after-sales-links';
import { PrintButtons } from '@/components/documents/print-buttons';
import { shipChoicesOf } from '@/components/fulfilment/ship-choices';
import { ShipmentsPanel, type ShipmentView } from '@/components/fulfilment/shipments-panel';
import { BackToOrdersButton } from '@/components/orders/order-links';
import { isPositive, subtractMoney } from '@/components/orders/order-money';
import { OrderView } from '@/components/orders/order-view';
import type { OrderViewModel } from '@/components/orders/order-view-model';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { formatDateTime, formatMoney, type ShopCalendar } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { hasErrorCode, request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { ShipChoices as ShipChoicesQuery } from '../../fulfilment/fulfilment.graphql';
import { OrderDetail, type OrderDetailNode } from '../order.graphql';

/** The API's order, formatted for the viewer's locale. */
function viewModel(order: OrderDetailNode, locale: string, shop: ShopCalendar): OrderViewModel {
  const money = (value: Parameters<typeof formatMoney>[0]) => formatMoney(value, locale);
  const date = (iso: string) => formatDateTime(iso, locale, shop);
  const due = subtractMoney(order.total, order.paidAmount);
  const address = order.shippingAddress;
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    channel: order.channel,
    createdAt: date(order.createdAt),
    member: order.member,
    marketplace: order.marketplace,
    externalOrderId: order.externalOrderId,
    paymentState: order.paymentState,
    onHold: order.onHold,
    availableActions: order.availableActions,
    totals: {
      subtotal: money(order.subtotal),
      shipping: money(order.shipping),
      discount: money(order.discount),
      tax: money(order.tax),
      total: money(order.total),
      paid: money(order.paidAmount),
    },
    due: isPositive(due) ? money(due) : null,
    lines: order.lines.map((line) => ({
      id: line.id,
      sku: line.sku,
      productTitle: line.productTitle,
      variantTitle: line.variantTitle,
      options: line.options.map((option) => `${option.name}: ${option.value}`).join(' · '),
      unitPrice: money(line.unitPrice),
      quantity: line.quantity,
      lineTotal: money(line.lineTotal),
    })),
    address: address && {
      name: address.name,
      phone: address.phone,
      email: address.email,
      lines: [
        address.line1,
        address.line2,
        [address.city, address.region, address.postalCode].filter(Boolean).join(' '),
        address.country,
      ].filter((line): line is string => !!line),
    },
    shippingMethod: order.shippingMethod,
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    tags: order.tags,
    flags: (order.flags ?? []).map((flag) => ({
      id: flag.id,
      reason: flag.reason,
      message: flag.message,
      raisedBy: flag.raisedBy,
      createdAt: date(flag.createdAt),
      open: flag.open,
      cleared: flag.clearedAt ? { by: flag.clearedBy, at: date(flag.clearedAt), note: flag.clearNote } : null,
    })),
    payments: order.payments.map((payment) => {
      const refundable = subtractMoney(payment.capturedAmount, payment.refundedAmount);
      return {
        id: payment.id,
        provider: payment.provider,
        method: payment.method,
        status: payment.status,
        amount: money(payment.amount),
        captured: money(payment.capturedAmount),
        refunded: money(payment.refundedAmount),
        refundable: isPositive(refundable) ? refundable : null,
        refundableText: isPositive(refundable) ? money(refundable) : null,
        reference: payment.reference,
        card: payment.card && `${payment.card.brand} •••• ${payment.card.last4}`,
        createdAt: date(payment.createdAt),
        transactions: payment.transactions.map((tx) => ({
          id: tx.id,
          kind: tx.kind,
          amount: money(tx.amount),
          note: tx.note,
          reference: tx.reference,
          createdAt: date(tx.createdAt),
        })),
      };
    }),
    history: order.history.map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      createdAt: date(entry.createdAt),
      actorKind: entry.actorKind,
      actor: entry.staff?.displayName ?? entry.actorLabel,
      fromStatus: entry.fromStatus,
      toStatus: entry.toStatus,
      note: entry.note,
    })),
  };
}

/** The order's shipments, dates in the viewer's locale. */
function shipmentViews(order: OrderDetailNode, locale: string, shop: ShopCalendar): ShipmentView[] {
  return (order.shipments ?? []).map((s) => ({
    id: s.id,
    number: s.number,
    status: s.status,
    kind: s.kind,
    carrier: s.carrier.name,
    trackingNumber: s.trackingNumber ?? null,
    trackingUrl: s.trackingUrl ?? null,
    shippedAt: s.shippedAt ? formatDateTime(s.shippedAt, locale, shop) : null,
    deliveredAt: s.deliveredAt ? formatDateTime(s.deliveredAt, locale, shop) : null,
    lines: s.lines.map((l) => ({ key: l.id, sku: l.sku, title: l.title, quantity: l.quantity, lotCode: l.lotCode ?? null })),
    events: s.events.map((e) => ({ id: e.id, status: e.status, occurredAt: formatDateTime(e.occurredAt, locale, shop), location: e.location ?? null, source: e.source })),
  }));
}

/** One order with its lines, payments, contact, notes, tags and timeline; actions by state and scope. */
export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'orders')) return <Forbidden />;
  const { id } = await params;
  const canShip = can(viewer, 'orders:write');
  const [{ data, errors }, locale, t, choices, shop] = await Promise.all([
    request(OrderDetail, { id }),
    getLocale(),
    getTranslations('orders'),
    canShip ? request(ShipChoicesQuery, {}).then(({ data: d }) => shipChoicesOf(d)) : null,
    getShopSettings(),
  ]);
  if (!data?.order) {
    if (!errors.length || hasErrorCode(errors, 'NOT_FOUND')) notFound();
    return pageFailure(errors);
  }
  const order = viewModel(data.order, locale, shop);
  return (
    <>
      <PageHeader
        title={t('detail.title', { number: order.number })}
        extra={
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            {allows(viewer.scopes, 'afterSales') && <OrderReturnRequestsButton orderId={order.id} />}
            {/* Labels, slips and invoices show names, phones and addresses. */}
            {can(viewer, 'orders:write') && can(viewer, 'members:read_pii') && <PrintButtons orderId={order.id} />}
            <BackToOrdersButton />
          </div>
        }
      />
      <OrderView
        order={order}
        canWrite={can(viewer, 'orders:write')}
        canRefund={can(viewer, 'orders:refund')}
        shipments={
          <ShipmentsPanel
            order={{ id: order.id, number: order.number, lines: (data.order.unshippedLines ?? []).map((l) => ({ ...l })) }}
            shipments={shipmentViews(data.order, locale, shop)}
            choices={choices}
            canShip={canShip && ['PAID', 'FULFILLING'].includes(order.status) && !order.onHold}
          />
        }
      />
    </>
  );
}
