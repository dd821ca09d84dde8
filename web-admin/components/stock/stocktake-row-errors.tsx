'use client';

import { Alert, Table } from 'antd';
import { useTranslations } from 'next-intl';

export interface RowError {
  row: string;
  message: string;
}

/** What is wrong with which row of the sheet. */
export function StocktakeRowErrors({ errors }: { errors: RowError[] }) {
  const t = useTranslations('stock.stocktake');
  if (!errors.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={t('rowErrors', { count: errors.length })}
      data-testid="stocktake-row-errors"
      description={
        <Table<RowError>
          size="small"
          rowKey={(e) => `${e.row}:${e.message}`}
          dataSource={errors}
          pagination={false}
          columns={[
            { key: 'row', dataIndex: 'row', title: t('row'), width: 80 },
            { key: 'message', dataIndex: 'message', title: t('error') },
          ]}
        />
      }
    />
  );
}
