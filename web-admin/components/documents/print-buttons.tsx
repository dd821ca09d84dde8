'use client';

import type { ReactNode } from 'react';
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Dropdown, Flex } from 'antd';
import { useTranslations } from 'next-intl';

import { DOCUMENT_KINDS } from './document-kinds';

const previewHref = (orderId: string, kind: string) => `/orders/${encodeURIComponent(orderId)}/print?kind=${kind}`;

/** "Print" on an order: a label, packing slip or tax invoice, each opening the print preview; the header's other controls follow. */
export function PrintButtons({ orderId, children }: { orderId: string; children?: ReactNode }) {
  const t = useTranslations('documents');
  return (
    <Flex gap={8}>
      <Dropdown
        menu={{
          items: DOCUMENT_KINDS.map(({ kind, key }) => ({
            key: kind,
            label: (
              <a href={previewHref(orderId, kind)} data-testid={`order-print-${kind}`}>
                {t(key)}
              </a>
            ),
          })),
        }}
      >
        <Button icon={<PrinterOutlined />} data-testid="order-print">
          {t('print')}
        </Button>
      </Dropdown>
      {children}
    </Flex>
  );
}

/**
 * The print preview: the document kinds to switch between, the PDF in a frame (or why it could not be
 * printed) and a button to open it in its own tab.
 */
export function PrintPreview({
  orderId,
  kind,
  src,
  error,
}: {
  orderId: string;
  kind: string;
  /** The console's own route to the PDF, or null when the print was refused. */
  src: string | null;
  /** The translated reason the print was refused. */
  error: string | null;
}) {
  const t = useTranslations('documents');
  const current = DOCUMENT_KINDS.find((d) => d.kind === kind) ?? DOCUMENT_KINDS[0]!;
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap role="group" aria-label={t('print')}>
          {DOCUMENT_KINDS.map((d) => (
            <Button key={d.kind} type={d.kind === current.kind ? 'primary' : 'default'} href={previewHref(orderId, d.kind)} data-testid={`print-kind-${d.kind}`}>
              {t(d.key)}
            </Button>
          ))}
        </Flex>
        <Flex gap={8}>
          <Button href={`/orders/${encodeURIComponent(orderId)}`}>{t('back')}</Button>
          {src && (
            <Button type="primary" icon={<PrinterOutlined />} href={src} target="_blank" data-testid="print-open">
              {t('openPdf')}
            </Button>
          )}
        </Flex>
      </Flex>
      {error && <Alert type="error" showIcon message={error} data-testid="print-error" />}
      {src && (
        <iframe
          src={src}
          title={t(current.key)}
          data-testid="print-preview"
          style={{ width: '100%', height: '80vh', border: '1px solid #d9d9d9', borderRadius: 8 }}
        />
      )}
    </Flex>
  );
}
