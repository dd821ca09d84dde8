'use client';

import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import {
  orderChannels,
  orderStatuses,
  paymentStates,
  type OrderChannel,
  type OrderPaymentState,
  type OrderSortKey,
  type OrderStatus,
} from './order-enums';
import { listStateParams, queryString, type OrderListState } from './order-list-params';

interface FilterValues {
  q: string;
  status: OrderStatus[];
  channel: OrderChannel[];
  from: string;
  to: string;
  min: string;
  max: string;
  pay: OrderPaymentState[];
  tag: string;
  flagged: '' | '1' | '0';
}

/** Sort choices: a key and a direction, as one select. */
const sorts = ['CREATED_AT', 'CREATED_AT-reverse', 'TOTAL-reverse', 'TOTAL'] as const;
type Sort = (typeof sorts)[number];
const sortOf = (state: OrderListState): Sort => `${state.sort}${state.reverse ? '-reverse' : ''}` as Sort;

const amount = /^\d+(\.\d{1,3})?$/;

/**
 * The filter bar. Its values live in the URL (`order-list-params.ts`): applying a
 * filter or a sort starts again at the first page, and the address can be shared.
 */
/** `flags`: whether the viewer may filter by flags (orders:read_internal); the control is hidden otherwise. */
export function OrderFilters({ state, flags }: { state: OrderListState; flags: boolean }) {
  const t = useTranslations('orders.filters');
  const ts = useTranslations('orders');
  const tc = useTranslations('common');
  const router = useRouter();
  const [form] = Form.useForm<FilterValues>();

  const go = (next: OrderListState) => router.push(queryString(listStateParams(next)));

  const apply = (v: FilterValues) =>
    go({
      ...state,
      q: v.q?.trim() || null,
      status: v.status ?? [],
      channel: v.channel ?? [],
      from: v.from || null,
      to: v.to || null,
      min: v.min?.trim() || null,
      max: v.max?.trim() || null,
      pay: v.pay ?? [],
      tag: v.tag?.trim() || null,
      flagged: v.flagged === '1' ? true : v.flagged === '0' ? false : null,
    });

  const sort = (value: Sort) => {
    const [key, direction] = value.split('-') as [OrderSortKey, string | undefined];
    go({ ...state, sort: key, reverse: direction === 'reverse' });
  };

  return (
    <Form<FilterValues>
      form={form}
      layout="vertical"
      role="search"
      data-testid="order-filters"
      onFinish={apply}
      style={{ marginBottom: 16 }}
      initialValues={{
        q: state.q ?? '',
        status: state.status,
        channel: state.channel,
        from: state.from ?? '',
        to: state.to ?? '',
        min: state.min ?? '',
        max: state.max ?? '',
        pay: state.pay,
        tag: state.tag ?? '',
        flagged: state.flagged === null ? '' : state.flagged ? '1' : '0',
      }}
    >
      <Flex wrap gap={12} align="flex-end">
        <Form.Item name="q" label={t('search')} htmlFor="order-q" style={{ marginBottom: 0 }}>
          <Input
            id="order-q"
            type="search"
            prefix={<SearchOutlined />}
            placeholder={t('searchPlaceholder')}
            allowClear
            style={{ width: 300 }}
            data-testid="order-search"
          />
        </Form.Item>
        <Form.Item name="status" label={t('status')} style={{ marginBottom: 0 }}>
          <Select
            mode="multiple"
            allowClear
            aria-label={t('status')}
            placeholder={t('any')}
            style={{ minWidth: 200 }}
            data-testid="order-filter-status"
            options={orderStatuses.map((s) => ({ value: s, label: ts(`status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('channel')} style={{ marginBottom: 0 }}>
          <Select
            mode="multiple"
            allowClear
            aria-label={t('channel')}
            placeholder={t('any')}
            style={{ minWidth: 200 }}
            data-testid="order-filter-channel"
            options={orderChannels.map((c) => ({ value: c, label: ts(`channel.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="pay" label={t('payment')} style={{ marginBottom: 0 }}>
          <Select
            mode="multiple"
            allowClear
            aria-label={t('payment')}
            placeholder={t('any')}
            style={{ minWidth: 200 }}
            data-testid="order-filter-payment"
            options={paymentStates.map((p) => ({ value: p, label: ts(`paymentState.${p}`) }))}
          />
        </Form.Item>
        <Form.Item name="from" label={t('from')} htmlFor="order-from" style={{ marginBottom: 0 }}>
          <Input id="order-from" type="date" style={{ width: 160 }} data-testid="order-filter-from" />
        </Form.Item>
        <Form.Item name="to" label={t('to')} htmlFor="order-to" style={{ marginBottom: 0 }}>
          <Input id="order-to" type="date" style={{ width: 160 }} data-testid="order-filter-to" />
        </Form.Item>
        <Form.Item
          name="min"
          label={t('totalMin')}
          htmlFor="order-min"
          rules={[{ pattern: amount, message: t('amountInvalid') }]}
          style={{ marginBottom: 0 }}
        >
          <Input id="order-min" inputMode="decimal" style={{ width: 120 }} data-testid="order-filter-min" />
        </Form.Item>
        <Form.Item
          name="max"
          label={t('totalMax')}
          htmlFor="order-max"
          rules={[{ pattern: amount, message: t('amountInvalid') }]}
          style={{ marginBottom: 0 }}
        >
          <Input id="order-max" inputMode="decimal" style={{ width: 120 }} data-testid="order-filter-max" />
        </Form.Item>
        <Form.Item name="tag" label={t('tag')} htmlFor="order-tag" style={{ marginBottom: 0 }}>
          <Input id="order-tag" style={{ width: 140 }} data-testid="order-filter-tag" />
        </Form.Item>
        <Form.Item name="flagged" label={t('flagged')} style={{ marginBottom: 0 }} hidden={!flags}>
          <Select
            aria-label={t('flagged')}
            style={{ width: 150 }}
            data-testid="order-filter-flagged"
            options={[
              { value: '', label: t('any') },
              { value: '1', label: t('flaggedOnly') },
              { value: '0', label: t('notFlagged') },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<FilterOutlined />} data-testid="order-filter-apply">
          {tc('search')}
        </Button>
        <Button href="/orders" data-testid="order-filter-reset">
          {t('reset')}
        </Button>
        <Form.Item label={t('sort')} style={{ marginBottom: 0, marginInlineStart: 'auto' }}>
          <Select<Sort>
            aria-label={t('sort')}
            value={sortOf(state)}
            onChange={sort}
            style={{ width: 200 }}
            data-testid="order-sort"
            options={sorts.map((s) => ({ value: s, label: t(`sorts.${s}`) }))}
          />
        </Form.Item>
      </Flex>
    </Form>
  );
}
