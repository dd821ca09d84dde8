'use client';

import { Button, Flex, Select, Tag } from 'antd';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { REASONS, REQUEST_KINDS, REQUEST_STATUSES } from './after-sales-enums';

type Param = 'status' | 'kind' | 'reason';

/** The queue's filters, kept in the address (?status=REQUESTED,APPROVED&kind=RETURN) so a view can be shared; a change starts from the first page. */
export function AfterSalesFilters({ orderNumber }: { orderNumber: string | null }) {
  const t = useTranslations('afterSales');
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const values = (name: Param) => params.get(name)?.split(',').filter(Boolean) ?? [];
  const go = (change: (query: URLSearchParams) => void) => {
    const query = new URLSearchParams(params);
    query.delete('after');
    query.delete('before');
    change(query);
    router.push(query.size ? `${pathname}?${query}` : pathname);
  };
  const set = (name: Param, next: string[]) => go((query) => (next.length ? query.set(name, next.join(',')) : query.delete(name)));
  const select = (name: Param, options: readonly string[], label: (value: string) => string, testId: string) => (
    <Select
      mode="multiple"
      allowClear
      style={{ minWidth: 200 }}
      placeholder={t(`filters.${name}`)}
      value={values(name)}
      onChange={(next: string[]) => set(name, next)}
      data-testid={testId}
      options={options.map((value) => ({ value, label: label(value) }))}
    />
  );
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      {select('status', REQUEST_STATUSES, (v) => t(`status.${v as (typeof REQUEST_STATUSES)[number]}`), 'filter-status')}
      {select('kind', REQUEST_KINDS, (v) => t(`kind.${v as (typeof REQUEST_KINDS)[number]}`), 'filter-kind')}
      {select('reason', REASONS, (v) => t(`reason.${v as (typeof REASONS)[number]}`), 'filter-reason')}
      {orderNumber && (
        <Tag closable onClose={() => go((query) => query.delete('order'))} data-testid="filter-order">
          <bdi>{t('filters.order', { number: orderNumber })}</bdi>
        </Tag>
      )}
      {params.size > 0 && (
        <Button type="link" onClick={() => router.push(pathname)}>
          {t('filters.clear')}
        </Button>
      )}
    </Flex>
  );
}
