'use client';

import { Flex, Typography } from 'antd';
import { useTranslations } from 'next-intl';

import type { VariantLabel_ProductVariant, WarehouseLabel_Warehouse } from './variant-label.graphql';

/** SKU in code type, then product and variant title; "—" when the catalog did not answer. */
export function VariantLabel({ variant }: { variant: VariantLabel_ProductVariant | null }) {
  const tc = useTranslations('common');
  if (!variant) return <Typography.Text type="secondary">{tc('none')}</Typography.Text>;
  return (
    <Flex vertical>
      <Typography.Text code data-testid="variant-sku">
        {variant.sku}
      </Typography.Text>
      <Typography.Text type="secondary">
        {[variant.product?.title, variant.title].filter(Boolean).join(' · ')}
      </Typography.Text>
    </Flex>
  );
}

/** A warehouse's code (its name on hover). */
export function WarehouseLabel({ warehouse }: { warehouse: WarehouseLabel_Warehouse | null }) {
  const tc = useTranslations('common');
  if (!warehouse) return <Typography.Text type="secondary">{tc('none')}</Typography.Text>;
  return (
    <Typography.Text code title={warehouse.name} data-testid="warehouse-code">
      {warehouse.code}
    </Typography.Text>
  );
}
