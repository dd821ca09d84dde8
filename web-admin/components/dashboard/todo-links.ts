/** The to-do counts the dashboard reads; null where the viewer may not read that count. */
export interface TodoCounts {
  unpaidOrders?: number | null;
  toShipToday?: number | null;
  flaggedOrders?: number | null;
  deliveryExceptionsOpen?: number | null;
  afterSalesWaiting?: number | null;
  lowStockVariants?: number | null;
  followUpsDue?: number | null;
}

/** Where each count leads: the list filtered (through its URL) to exactly what was counted. */
export const todoLinks: Record<keyof TodoCounts, string> = {
  unpaidOrders: '/orders?status=PENDING_PAYMENT',
  toShipToday: '/fulfilment',
  flaggedOrders: '/orders?flagged=1',
  deliveryExceptionsOpen: '/fulfilment/exceptions?status=OPEN',
  afterSalesWaiting: '/after-sales?status=REQUESTED,RECEIVED',
  lowStockVariants: '/stock?low=1',
  followUpsDue: '/members/follow-ups',
};

/** The counts the viewer may read, in the tile's order. */
export function readableTodos(counts: TodoCounts): { key: keyof TodoCounts; count: number; href: string }[] {
  return (Object.keys(todoLinks) as (keyof TodoCounts)[]).flatMap((key) => {
    const count = counts[key];
    return typeof count === 'number' ? [{ key, count, href: todoLinks[key] }] : [];
  });
}
