import type { Db } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { staff } from './tables.js';

export const OWNER_EMAIL = 'owner@shop.test';

/**
 * Writes the shop owner, the one staff member a fresh shop starts with. The
 * plan has no staff yet; the parameter keeps every domain's seed alike.
 */
export async function seed(tx: Db, _plan: DemoPlan): Promise<void> {
  await tx.insert(staff).values({ email: OWNER_EMAIL, displayName: 'Shop Owner' });
}
