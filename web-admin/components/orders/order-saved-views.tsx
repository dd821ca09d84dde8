'use client';

import { useMemo, useState, useSyncExternalStore } from 'react';
import { CloseOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Modal, Space, Typography, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { useMounted } from '@/components/shell/use-mounted';

import { listStateParams, queryString, readListState, type OrderListState } from './order-list-params';

/** A view is the list's query string (filters and sort, never a cursor). */
interface SavedView {
  name: string;
  query: string;
}

const builtIn = [
  // Paid or being packed, and not waiting on hold: the day's shipping work.
  { key: 'toShipToday', query: '?status=PAID,FULFILLING&flagged=0' },
  { key: 'flagged', query: '?flagged=1' },
  { key: 'unpaid', query: '?status=PENDING_PAYMENT' },
] as const;

// Operators' own views stay in this browser: the API keeps no per-staff settings.
const storageKey = 'shop.orders.savedViews';
const changed = 'shop:orders-saved-views';

function subscribe(onChange: () => void) {
  window.addEventListener('storage', onChange);
  window.addEventListener(changed, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(changed, onChange);
  };
}

function parseViews(raw: string): SavedView[] {
  try {
    const views: unknown = JSON.parse(raw);
    if (!Array.isArray(views)) return [];
    return views.filter(
      (v): v is SavedView => typeof v?.name === 'string' && typeof v?.query === 'string' && v.query.startsWith('?'),
    );
  } catch {
    return [];
  }
}

function useSavedViews(): [SavedView[], (views: SavedView[]) => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(storageKey) ?? '[]',
    () => '[]',
  );
  const views = useMemo(() => parseViews(raw), [raw]);
  const save = (next: SavedView[]) => {
    window.localStorage.setItem(storageKey, JSON.stringify(next));
    window.dispatchEvent(new Event(changed));
  };
  return [views, save];
}

/**
 * Built-in views, the operator's saved views, and "Save view" for the current filters.
 * Views that filter by flags show only to viewers who may (`flags`: orders:read_internal).
 */
export function OrderSavedViews({ state, flags }: { state: OrderListState; flags: boolean }) {
  const t = useTranslations('orders.views');
  const tc = useTranslations('common');
  const router = useRouter();
  const mounted = useMounted();
  const [views, saveViews] = useSavedViews();
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const current = queryString(listStateParams(state));
  const sameQuery = (query: string) =>
    queryString(listStateParams(readListState(new URLSearchParams(query)))) === current;

  const save = ({ name }: { name: string }) => {
    const trimmed = name.trim();
    saveViews([...views.filter((v) => v.name !== trimmed), { name: trimmed, query: current }]);
    setNaming(false);
    form.resetFields();
  };

  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="order-views">
      <Typography.Text type="secondary">{t('title')}</Typography.Text>
      {builtIn.filter((view) => flags || !view.query.includes('flagged')).map((view) => (
        <Button
          key={view.key}
          size="small"
          type={sameQuery(view.query) ? 'primary' : 'default'}
          onClick={() => router.push(view.query)}
          data-testid={`order-view-${view.key}`}
        >
          {t(view.key)}
        </Button>
      ))}
      {views.map((view) => (
        <Space.Compact key={view.name} size="small">
          <Button
            type={sameQuery(view.query) ? 'primary' : 'default'}
            onClick={() => router.push(view.query)}
            data-testid="order-view-saved"
            data-name={view.name}
          >
            {view.name}
          </Button>
          <Button
            icon={<CloseOutlined />}
            aria-label={t('delete', { name: view.name })}
            onClick={() => saveViews(views.filter((v) => v.name !== view.name))}
          />
        </Space.Compact>
      ))}
      <Button size="small" type="dashed" icon={<SaveOutlined />} onClick={() => setNaming(true)} data-testid="order-view-save">
        {t('save')}
      </Button>
      {mounted && (
        <Modal
          open={naming}
          title={t('saveTitle')}
          okText={tc('save')}
          cancelText={tc('cancel')}
          okButtonProps={{ htmlType: 'submit', form: 'order-view-form', 'data-testid': 'order-view-save-submit' } as ButtonProps}
          onCancel={() => setNaming(false)}
          forceRender
        >
          <Form form={form} id="order-view-form" layout="vertical" onFinish={save}>
            <Form.Item
              name="name"
              label={t('name')}
              rules={[{ required: true, whitespace: true, max: 40, message: t('nameInvalid') }]}
            >
              <Input maxLength={40} data-testid="order-view-name" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Flex>
  );
}
