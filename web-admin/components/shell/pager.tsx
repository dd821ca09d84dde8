'use client';

import type { MouseEvent } from 'react';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import { useListNavigation, withoutCursor } from '@/components/list/list-navigation';
import { directionOf } from '@/i18n/config';
import type { PageInfo } from '@/lib/connection';

function pageSearch(keep: Record<string, string | null>, cursor: Record<string, string>): URLSearchParams {
  const search = new URLSearchParams(cursor);
  for (const [name, value] of Object.entries(keep)) if (value) search.set(name, value);
  return search;
}

/**
 * Total count and Previous / Next (`?before=` / `?after=`) for a Relay connection. They are links
 * (they work before the page is interactive); once it is, they move the list inside a transition.
 */
export function Pager({
  totalCount,
  moreThanTotal = false,
  pageInfo,
  keep,
}: {
  totalCount: number;
  /** The list counts up to a cap and more match than totalCount (a count precision of AT_LEAST). */
  moreThanTotal?: boolean;
  pageInfo: PageInfo;
  /** Search parameters that survive paging, e.g. `{ q }`; by default every current one. */
  keep?: Record<string, string | null>;
}) {
  const t = useTranslations('common');
  const locale = useLocale();
  const rtl = directionOf(locale) === 'rtl';
  const { searchParams, go } = useListNavigation();
  const kept = keep ?? Object.fromEntries(withoutCursor(searchParams));
  const { hasPreviousPage, hasNextPage, startCursor, endCursor } = pageInfo;
  const link = (cursor: Record<string, string>) => {
    const search = pageSearch(kept, cursor);
    return {
      href: `?${search.toString()}`,
      onClick: (event: MouseEvent) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        go(search);
      },
    };
  };
  return (
    <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
      <Typography.Text type="secondary" data-testid="total-count">
        {t(moreThanTotal ? 'totalMoreThan' : 'total', { count: totalCount })}
      </Typography.Text>
      <Flex gap={8}>
        <Button
          data-testid="previous-page"
          icon={rtl ? <RightOutlined /> : <LeftOutlined />}
          disabled={!hasPreviousPage || !startCursor}
          {...(hasPreviousPage && startCursor ? link({ before: startCursor }) : {})}
        >
          {t('previous')}
        </Button>
        <Button
          data-testid="next-page"
          icon={rtl ? <LeftOutlined /> : <RightOutlined />}
          iconPlacement="end"
          disabled={!hasNextPage || !endCursor}
          {...(hasNextPage && endCursor ? link({ after: endCursor }) : {})}
        >
          {t('next')}
        </Button>
      </Flex>
    </Flex>
  );
}
