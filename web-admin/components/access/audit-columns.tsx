'use client';

import { Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslations } from 'next-intl';

import type { AuditLogNode } from '@/app/(console)/audit/audit.graphql';
import { isAuditOutcome, type AuditOutcome } from '@/lib/audit';

/** An audit entry as the list shows it; `at` is formatted on the server. */
export type AuditRow = AuditLogNode;

const outcomeColors: Record<AuditOutcome, string> = {
  SUCCESS: 'green',
  USER_ERROR: 'gold',
  FORBIDDEN: 'red',
  ERROR: 'volcano',
};

/** The audit log's columns; the actor links to the log filtered by that actor. */
export function useAuditColumns(): TableColumnsType<AuditRow> {
  const t = useTranslations('audit');
  const tc = useTranslations('common');
  return [
    { key: 'at', dataIndex: 'at', title: t('columns.at') },
    {
      key: 'actor',
      title: t('columns.actor'),
      render: (_: unknown, row: AuditRow) => (
        <Space orientation="vertical" size={0}>
          <Tag>{row.principalKind}</Tag>
          {row.actorId && (
            <Typography.Text code copyable={{ text: row.actorId }}>
              <a href={`?actorId=${encodeURIComponent(row.actorId)}`}>{row.actorId.slice(0, 8)}</a>
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'operationName', dataIndex: 'operationName', title: t('columns.operationName'), render: (name: string | null) => name ?? tc('none') },
    {
      key: 'rootFields',
      dataIndex: 'rootFields',
      title: t('columns.rootFields'),
      render: (fields: string[]) => (
        <Space size={[0, 4]} wrap>
          {fields.map((field) => (
            <Tag key={field} color="blue" data-testid="audit-root-field-tag">
              {field}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'outcome',
      dataIndex: 'outcome',
      title: t('columns.outcome'),
      render: (outcome: string) => (
        <Tag color={isAuditOutcome(outcome) ? outcomeColors[outcome] : undefined} data-outcome={outcome}>
          {isAuditOutcome(outcome) ? t(`outcome.${outcome}`) : outcome}
        </Tag>
      ),
    },
    { key: 'errorCodes', dataIndex: 'errorCodes', title: t('columns.errorCodes'), render: (codes: string[]) => (codes.length ? codes.join(', ') : tc('none')) },
    { key: 'clientAddress', dataIndex: 'clientAddress', title: t('columns.clientAddress'), render: (address: string | null) => address ?? tc('none') },
    {
      key: 'requestId',
      dataIndex: 'requestId',
      title: t('columns.requestId'),
      render: (id: string) => (
        <Typography.Text code copyable={{ text: id }}>
          {id.slice(0, 8)}
        </Typography.Text>
      ),
    },
  ];
}
