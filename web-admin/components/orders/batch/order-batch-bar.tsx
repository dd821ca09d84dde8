'use client';

import { useCallback, useEffect, useState } from 'react';
import { CarOutlined, ExportOutlined, PrinterOutlined, TagsOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Dropdown, Flex, Input, Modal, Select, Space, Typography, Upload } from 'antd';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';

import { bookingCarriers, bookOrders, exportOrders, printOrders, shipFromCsv, tagOrders } from '@/app/(console)/orders/batch-actions';
import type { BatchRun, OrderBatchSelection } from '@/app/(console)/orders/batch.graphql';
import type { OrderFilter } from '@/app/(console)/orders/orders.graphql';
import { DOCUMENT_ERROR_CODES, DOCUMENT_KINDS } from '@/components/documents/document-kinds';
import type { DocumentKind } from '@/gql/graphql';
import { formatNumber } from '@/lib/format';
import type { ActionResult } from '@/lib/mutation';

import { BatchRunCard, useBatchRun } from './batch-run-card';

/** The run the bar shows, remounted per run so its poller starts afresh. */
function FollowedRun({ run, onEnd, extra }: { run: BatchRun; onEnd: (run: BatchRun) => void; extra?: (run: BatchRun) => React.ReactNode }) {
  const current = useBatchRun(run, onEnd);
  return <BatchRunCard run={current} extra={extra?.(current)} />;
}

function TagModal({ open, onClose, onSubmit }: { open: boolean; onClose: () => void; onSubmit: (add: string[], remove: string[]) => Promise<void> }) {
  const t = useTranslations('batch');
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={t('tag.title')}
      okText={t('tag.apply')}
      cancelText={t('cancel')}
      okButtonProps={{ disabled: !add.length && !remove.length, loading: busy, 'data-testid': 'batch-tag-apply' }}
      onCancel={onClose}
      onOk={async () => {
        setBusy(true);
        await onSubmit(add, remove);
        setBusy(false);
        setAdd([]);
        setRemove([]);
      }}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text>{t('tag.add')}</Typography.Text>
        <Select mode="tags" value={add} onChange={setAdd} tokenSeparators={[',']} open={false} data-testid="batch-tag-add" aria-label={t('tag.add')} />
        <Typography.Text>{t('tag.remove')}</Typography.Text>
        <Select mode="tags" value={remove} onChange={setRemove} tokenSeparators={[',']} open={false} data-testid="batch-tag-remove" aria-label={t('tag.remove')} />
      </Flex>
    </Modal>
  );
}

function ShipCsvModal({ open, onClose, onDryRun }: { open: boolean; onClose: () => void; onDryRun: (csv: string) => Promise<void> }) {
  const t = useTranslations('batch');
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={t('ship.title')}
      okText={t('ship.check')}
      cancelText={t('cancel')}
      okButtonProps={{ disabled: !csv.trim(), loading: busy, 'data-testid': 'batch-ship-check' }}
      onCancel={onClose}
      onOk={async () => {
        setBusy(true);
        await onDryRun(csv);
        setBusy(false);
      }}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('ship.hint')} <Typography.Text code>order_number, carrier, tracking_number</Typography.Text>
        </Typography.Paragraph>
        <Upload
          accept=".csv,text/csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(setCsv);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('ship.pick')}</Button>
        </Upload>
        <Input.TextArea rows={8} value={csv} onChange={(e) => setCsv(e.target.value)} placeholder={t('ship.paste')} data-testid="batch-ship-csv" dir="ltr" />
      </Flex>
    </Modal>
  );
}

/**
 * Above the orders list: what a batch acts on (the picked orders, or every order the filter
 * matches when none is picked), its actions, and the run it started with progress and report.
 * Printing makes one PDF, rendered by a run like the others; `canPrint`: labels, slips and invoices show
 * contact data, so it needs orders:write and members:read_pii.
 */
export function OrderBatchBar({
  selectedIds,
  filter,
  total,
  canWrite,
  canPrint,
}: {
  selectedIds: string[];
  filter: OrderFilter;
  total: number;
  canWrite: boolean;
  canPrint: boolean;
}) {
  const t = useTranslations('batch');
  const td = useTranslations('documents');
  const locale = useLocale();
  const router = useRouter();
  const [run, setRun] = useState<BatchRun | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [modal, setModal] = useState<'tag' | 'ship' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const selection: OrderBatchSelection = selectedIds.length ? { orderIds: selectedIds } : { filter };
  const count = selectedIds.length || total;
  const onEnd = useCallback(() => router.refresh(), [router]);
  const [carriers, setCarriers] = useState<{ code: string; name: string }[]>([]);
  useEffect(() => {
    if (canWrite) void bookingCarriers().then(setCarriers);
  }, [canWrite]);

  const started = (result: ActionResult<BatchRun>) => {
    if (result.ok) {
      setError(null);
      setRun(result.value);
      setModal(null);
    } else if (result.reason === 'USER_ERRORS') setError(result.userErrors.map((e) => t.has(`errors.${e.code}`) ? t(`errors.${e.code}`) : e.message).join(' '));
    else setError(result.reason === 'FORBIDDEN' ? t('errors.FORBIDDEN') : (result.message ?? t('errors.ERROR')));
  };

  const print = async (kind: DocumentKind) => {
    const result = await printOrders(selection, kind);
    if (result.ok || result.reason === 'FORBIDDEN') return started(result);
    const code = result.reason === 'USER_ERRORS' ? result.userErrors[0]?.code : result.reason;
    setError(td((DOCUMENT_ERROR_CODES as readonly string[]).includes(code ?? '') ? `errors.${code as (typeof DOCUMENT_ERROR_CODES)[number]}` : 'errors.UNKNOWN'));
  };

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Card size="small" data-testid="batch-bar" data-selected={selectedIds.length}>
        <Flex wrap align="center" justify="space-between" gap={12}>
          <Typography.Text data-testid="batch-scope">
            {selectedIds.length ? t('scope.selected', { count: formatNumber(count, locale) }) : t('scope.filter', { count: formatNumber(count, locale) })}
          </Typography.Text>
          <Space wrap>
            {canWrite && (
              <Button icon={<TagsOutlined />} disabled={!count} onClick={() => setModal('tag')} data-testid="batch-tag">
                {t('tag.open')}
              </Button>
            )}
            {canWrite && carriers.length > 0 && (
              <Dropdown
                disabled={!count}
                menu={{
                  items: carriers.map((c) => ({ key: c.code, label: t('book.with', { carrier: c.name }), 'data-testid': `batch-book-${c.code}` }) as never),
                  onClick: async ({ key }) => started(await bookOrders(selection, key)),
                }}
              >
                <Button icon={<CarOutlined />} data-testid="batch-book">
                  {t('book.open')}
                </Button>
              </Dropdown>
            )}
            <Dropdown
              disabled={!count}
              menu={{
                items: (['CSV', 'XLSX'] as const).map((format) => ({ key: format, label: t('export.as', { format }), 'data-testid': `batch-export-${format}` }) as never),
                onClick: async ({ key }) => started(await exportOrders(selection, key as 'CSV' | 'XLSX')),
              }}
            >
              <Button icon={<ExportOutlined />} data-testid="batch-export">
                {t('export.open')}
              </Button>
            </Dropdown>
            {canPrint && (
              <Dropdown
                disabled={!count}
                menu={{
                  items: DOCUMENT_KINDS.map(({ kind, key }) => ({ key: kind, label: td(key), 'data-testid': `batch-print-${kind}` }) as never),
                  onClick: ({ key }) => void print(key as DocumentKind),
                }}
              >
                <Button icon={<PrinterOutlined />} data-testid="batch-print">
                  {td('print')}
                </Button>
              </Dropdown>
            )}
            {canWrite && (
              <Button icon={<UploadOutlined />} onClick={() => setModal('ship')} data-testid="batch-ship">
                {t('ship.open')}
              </Button>
            )}
          </Space>
        </Flex>
      </Card>
      {error && <Alert type="error" showIcon closable onClose={() => setError(null)} message={error} data-testid="batch-error" />}
      {run && (
        <FollowedRun
          key={run.id}
          run={run}
          onEnd={onEnd}
          extra={(current) =>
            current.kind === 'SHIP_FROM_CSV' && current.dryRun && current.status === 'SUCCEEDED' && csv && current.total > current.failed ? (
              <Button type="primary" size="small" data-testid="batch-ship-run" onClick={async () => started(await shipFromCsv(csv, false))}>
                {t('ship.run', { count: formatNumber(current.total - current.failed, locale) })}
              </Button>
            ) : null
          }
        />
      )}
      <TagModal open={modal === 'tag'} onClose={() => setModal(null)} onSubmit={async (add, remove) => started(await tagOrders(selection, add, remove))} />
      <ShipCsvModal
        open={modal === 'ship'}
        onClose={() => setModal(null)}
        onDryRun={async (text) => {
          setCsv(text);
          started(await shipFromCsv(text, true));
        }}
      />
    </Flex>
  );
}
