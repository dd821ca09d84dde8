'use client';

import { Form, Input } from 'antd';
import { useTranslations } from 'next-intl';

import type { ProductFilterValues } from './product-filter-values';

/** Tag, price range and creation days of the product filter bar (native inputs of the GET form). */
export function ProductFilterInputs({ values }: { values: ProductFilterValues }) {
  const t = useTranslations('products.filters');
  return (
    <>
      <Form.Item label={t('tag')} htmlFor="product-tag" style={{ marginBottom: 0 }}>
        <Input id="product-tag" name="tag" defaultValue={values.tag ?? ''} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item label={t('minPrice')} htmlFor="product-min-price" style={{ marginBottom: 0 }}>
        <Input id="product-min-price" name="minPrice" inputMode="decimal" dir="ltr" defaultValue={values.minPrice ?? ''} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item label={t('maxPrice')} htmlFor="product-max-price" style={{ marginBottom: 0 }}>
        <Input id="product-max-price" name="maxPrice" inputMode="decimal" dir="ltr" defaultValue={values.maxPrice ?? ''} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item label={t('createdFrom')} htmlFor="product-from" style={{ marginBottom: 0 }}>
        <Input id="product-from" name="from" type="date" defaultValue={values.from ?? ''} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item label={t('createdTo')} htmlFor="product-to" style={{ marginBottom: 0 }}>
        <Input id="product-to" name="to" type="date" defaultValue={values.to ?? ''} style={{ width: 150 }} />
      </Form.Item>
    </>
  );
}
