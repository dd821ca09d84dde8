import type { CartVariantOption } from '@/app/(console)/promotions/search-actions';

/**
 * A variant as "product / variant", each title isolated in its own direction: an Arabic product
 * title and a Latin "S / Black" keep their own order instead of being read as one run.
 */
export function VariantName({ variant }: { variant: Pick<CartVariantOption, 'productTitle' | 'variantTitle'> }) {
  return (
    <>
      <bdi dir="auto">{variant.productTitle}</bdi>
      {variant.variantTitle && (
        <>
          {' / '}
          <bdi dir="auto">{variant.variantTitle}</bdi>
        </>
      )}
    </>
  );
}
