'use client';

import { useMemo } from 'react';
import { Card, Empty } from 'antd';
import { useTranslations } from 'next-intl';

import { ShareChart } from '@/components/charts/series-chart';

/** GMV of one sales channel over the period; `name` is the channel in the viewer's language. */
export interface ChannelShare {
  name: string;
  gmv: number;
}

/** How the period's GMV splits over the sales channels. */
export function ChannelSplitTile({ shares, days, currencyCode }: { shares: ChannelShare[]; days: number; currencyCode: string }) {
  const t = useTranslations('dashboardHome.channels');
  const slices = useMemo(() => shares.map((share) => ({ name: share.name, value: share.gmv })), [shares]);
  const title = t('title', { days });
  return (
    <Card title={title} data-testid="tile-channels">
      {slices.length ? (
        <ShareChart slices={slices} unit="MONEY" currencyCode={currencyCode} label={title} />
      ) : (
        <Empty description={t('empty')} />
      )}
    </Card>
  );
}
