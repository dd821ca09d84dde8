// The carriers the shop works with, kept in step with this list after every migration.
import { sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { carrier, type CarrierAdapter } from './tables.js';

interface CarrierSeed {
  code: string;
  name: string;
  trackingUrlTemplate: string | null;
  adapter: CarrierAdapter;
}

/** Public tracking pages only open in the operator's or customer's browser: the server never calls them. */
export const CARRIERS: readonly CarrierSeed[] = [
  { code: 'THAILAND_POST', name: 'Thailand Post', trackingUrlTemplate: 'https://track.thailandpost.co.th/?trackNumber={tracking}', adapter: 'manual' },
  { code: 'KERRY', name: 'Kerry Express', trackingUrlTemplate: 'https://th.kerryexpress.com/en/track/?track={tracking}', adapter: 'manual' },
  { code: 'FLASH', name: 'Flash Express', trackingUrlTemplate: 'https://www.flashexpress.co.th/fle/tracking?se={tracking}', adapter: 'manual' },
  { code: 'JT', name: 'J&T Express', trackingUrlTemplate: 'https://www.jtexpress.co.th/service/track?billcode={tracking}', adapter: 'manual' },
  { code: 'SF_EXPRESS', name: 'SF Express', trackingUrlTemplate: 'https://www.sf-express.com/th/en/dynamic_function/waybill/#search/bill-number/{tracking}', adapter: 'manual' },
  { code: 'ARAMEX', name: 'Aramex', trackingUrlTemplate: 'https://www.aramex.com/track/results?ShipmentNumber={tracking}', adapter: 'manual' },
  { code: 'SMSA', name: 'SMSA Express', trackingUrlTemplate: 'https://www.smsaexpress.com/trackingdetails?tracknumbers={tracking}', adapter: 'manual' },
  { code: 'MANUAL', name: 'Other carrier', trackingUrlTemplate: null, adapter: 'manual' },
  { code: 'SANDBOX', name: 'Sandbox carrier', trackingUrlTemplate: null, adapter: 'sandbox' },
];

/**
 * Upserts the carriers (names, tracking pages, adapters), an afterMigrate hook:
 * idempotent, and it leaves `active` as the shop set it.
 */
export async function ensureCarriers(db: Db): Promise<void> {
  await db
    .insert(carrier)
    .values([...CARRIERS])
    .onConflictDoUpdate({
      target: carrier.code,
      set: {
        name: sql`excluded.name`,
        trackingUrlTemplate: sql`excluded.tracking_url_template`,
        adapter: sql`excluded.adapter`,
        updatedAt: sql`now()`,
      },
    });
}
