'use client';

import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import { directionOf } from '@/i18n/config';
import type { PageInfo } from '@/lib/connection';

function pageHref(keep: Record<string, string | null>, cursor: Record<string, string>): string {
  const search = new URLSearchParams(cursor);
  for (const [name, value] of Object.entries(keep)) if (value) search.set(name, value);
  return `?${search.toString()}`;
}

/** Total count and Previous / Next links (`?before=` / `?after=`) for a Relay connection. */
export function Pager({
  totalCount,
  pageInfo,
  keep = {},
}: {
  totalCount: number;
  pageInfo: PageInfo;
  /** Search parameters that survive paging, e.g. `{ q }`. */
  keep?: Record<string, string | null>;
}) {
  const t = useTranslations('common');
  const locale = useLocale();
  const rtl = directionOf(locale) === 'rtl';
  const { hasPreviousPage, hasNextPage, startCursor, endCursor } = pageInfo;
  return (
    <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
      <Typography.Text type="secondary" data-testid="total-count">
        {t('total', { count: totalCount })}
      </Typography.Text>
      <Flex gap={8}>
        <Button
          data-testid="previous-page"
          icon={rtl ? <RightOutlined /> : <LeftOutlined />}
          disabled={!hasPreviousPage || !startCursor}
          href={hasPreviousPage && startCursor ? pageHref(keep, { before: startCursor }) : undefined}
        >
          {t('previous')}
        </Button>
        <Button
          data-testid="next-page"
          icon={rtl ? <LeftOutlined /> : <RightOutlined />}
          iconPlacement="end"
          disabled={!hasNextPage || !endCursor}
          href={hasNextPage && endCursor ? pageHref(keep, { after: endCursor }) : undefined}
        >
          {t('next')}
        </Button>
      </Flex>
    </Flex>
  );
}
