/** What the ship dialog offers: active carriers and warehouses. */
export interface ShipChoices {
  carriers: { code: string; name: string; books: boolean }[];
  warehouses: { id: string; label: string }[];
}

/** An order as the ship dialog ships it: its lines with the units left to ship. */
export interface ShippableOrder {
  id: string;
  number: string;
  lines: { orderLineId: string; sku: string; title: string; remaining: number }[];
}

export const SHIPMENT_STATUS_COLORS: Record<string, string> = {
  PENDING: 'default',
  BOOKED: 'blue',
  SHIPPED: 'cyan',
  IN_TRANSIT: 'geekblue',
  OUT_FOR_DELIVERY: 'purple',
  DELIVERED: 'green',
  FAILED_ATTEMPT: 'orange',
  RETURNED_TO_SENDER: 'red',
};

/** The dialog's choices from the ShipChoices query; null when the viewer may not read warehouses (stock:read), so cannot ship here. */
export function shipChoicesOf(data: {
  carriers?: { code: string; name: string; books: boolean; active: boolean }[] | null;
  warehouses?: { id: string; code: string; name: string; active: boolean }[] | null;
} | null | undefined): ShipChoices | null {
  if (!data?.carriers || !data.warehouses) return null;
  return {
    carriers: data.carriers.filter((c) => c.active).map(({ code, name, books }) => ({ code, name, books })),
    warehouses: data.warehouses.filter((w) => w.active).map((w) => ({ id: w.id, label: `${w.name} (${w.code})` })),
  };
}
