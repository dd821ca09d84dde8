// Per-request batch loaders of carts, merged into the domain's createLoaders.
import DataLoader from 'dataloader';
import { anyId, groupLoader, MAX_BATCH_SIZE, type Db } from '@shop/kit';
import { variantsForCheckout, type CheckoutVariant } from '@shop/products/commands';
import { cartLine } from './tables.js';

export function createCartLoaders(db: Db) {
  return {
    cartLinesByCartId: groupLoader(
      (ids: readonly string[]) =>
        db.select().from(cartLine).where(anyId(cartLine.cartId, ids)).orderBy(cartLine.cartId, cartLine.position, cartLine.id),
      (row) => row.cartId,
    ),
    /** Live catalog data (price, title, whether it is for sale) for cart lines. */
    variantById: new DataLoader<string, CheckoutVariant | null>(
      async (ids) => {
        const found = await variantsForCheckout(db, ids);
        return ids.map((id) => found.get(id) ?? null);
      },
      { maxBatchSize: MAX_BATCH_SIZE },
    ),
  };
}
