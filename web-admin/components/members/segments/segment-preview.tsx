'use client';

import { Card, Spin, Statistic, Typography } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import type { PreviewResult } from '@/app/(console)/members/segments/actions';

/** The builder's live size: how many members the rules select now, and the newest few names. */
export function SegmentPreview({ result, pending }: { result: PreviewResult | null; pending: boolean }) {
  const t = useTranslations('segments');
  const locale = useLocale();
  return (
    <Card title={t('preview.title')} size="small" data-testid="segment-preview" style={{ minWidth: 240 }}>
      <Spin spinning={pending}>
        {result?.ok ? (
          <>
            <Statistic
              value={result.count}
              formatter={(value) => (
                <span data-testid="segment-preview-count" data-count={result.count}>
                  {new Intl.NumberFormat(locale).format(Number(value))}
                </span>
              )}
              suffix={t('preview.members', { count: result.count })}
            />
            {result.sample.length > 0 && (
              <>
                <Typography.Text type="secondary">{t('preview.sample')}</Typography.Text>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {result.sample.map((member) => (
                    <li key={member.id}>{member.name ?? '—'}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        ) : (
          <Typography.Text type="secondary" data-testid="segment-preview-unavailable">
            {result && !result.ok && result.reason === 'FORBIDDEN' ? t('errors.FORBIDDEN') : t('preview.incomplete')}
          </Typography.Text>
        )}
      </Spin>
    </Card>
  );
}
