'use client';

import { Tag } from 'antd';
import { useTranslations } from 'next-intl';

import type { ProductStatus } from './catalog-enums';

const statusColors: Record<ProductStatus, string> = {
  ACTIVE: 'green',
  DRAFT: 'gold',
  ARCHIVED: 'default',
};

/** A product's status as a coloured tag. */
export function ProductStatusTag({ status }: { status: ProductStatus }) {
  const t = useTranslations('products.status');
  return (
    <Tag color={statusColors[status]} data-testid="product-status" data-status={status}>
      {t(status)}
    </Tag>
  );
}
