import type { Locale } from './config';

/**
 * Messages are split by area (one file per area and locale) so that work on
 * one part of the console does not touch the others' files. Every locale has
 * the same areas; en is the reference for keys (global.d.ts).
 */
export const MESSAGE_AREAS = ['console', 'catalog', 'bulk', 'orders', 'members', 'loyalty', 'behaviour', 'statistics', 'memberDesk', 'privacy', 'recommendations', 'segments', 'content', 'promotions', 'groupBuys', 'coupons', 'flashSales', 'fulfilment', 'afterSales', 'quality', 'documents', 'batch', 'webhooks', 'settings', 'reports'] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    MESSAGE_AREAS.map(async (area) => (await import(`../messages/${locale}/${area}.json`)).default as Record<string, unknown>),
  );
  return Object.assign({}, ...parts);
}
