import { Alert, Col, Row } from 'antd';
import { getLocale, getTranslations } from 'next-intl/server';

import { ChannelSplitTile } from '@/components/dashboard/channel-split-tile';
import { ComparisonTile } from '@/components/dashboard/comparison-tile';
import { ProductFiguresTile } from '@/components/dashboard/product-figures-tile';
import { StockCoverTile } from '@/components/dashboard/stock-cover-tile';
import { readableTodos } from '@/components/dashboard/todo-links';
import { TodoTile } from '@/components/dashboard/todo-tile';
import { TrendTile } from '@/components/dashboard/trend-tile';
import { pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { request } from '@/lib/graphql';
import { formatDay } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { getViewer } from '@/lib/viewer';

import { DashboardHome } from './dashboard.graphql';

const periodDays = 30;

/**
 * Open to all staff. Every tile carries its own rule: the gateway answers null (with
 * FORBIDDEN) for a tile the viewer may not read, and the page leaves that tile out.
 * The grid stacks into one column on a phone.
 */
export default async function DashboardPage() {
  const [viewer, shop, locale, t, channelName] = await Promise.all([
    getViewer(),
    getShopSettings(),
    getLocale(),
    getTranslations('dashboard'),
    getTranslations('orders.channel'),
  ]);
  const { data, errors } = await request(DashboardHome, { days: periodDays });
  if (!data?.dashboard) return pageFailure(errors);
  const d = data.dashboard;
  const currencyOf = (rows: readonly { gmv: { currencyCode: string } }[] | null | undefined) =>
    rows?.[0]?.gmv.currencyCode ?? shop.currencyCode;
  const todos = readableTodos(d);
  const tiles = [
    todos.length > 0 && { key: 'todo', span: { xs: 24 }, node: <TodoTile todos={todos} /> },
    d.salesToday && { key: 'today', span: { xs: 24, md: 12 }, node: <ComparisonTile kind="today" figures={d.salesToday} /> },
    d.salesThisWeek && {
      key: 'thisWeek',
      span: { xs: 24, md: 12 },
      node: <ComparisonTile kind="thisWeek" figures={d.salesThisWeek} />,
    },
    d.gmvTrend && {
      key: 'trend',
      span: { xs: 24, lg: 16 },
      node: (
        <TrendTile
          days={periodDays}
          currencyCode={currencyOf(d.gmvTrend)}
          points={d.gmvTrend.map((point) => ({
            label: formatDay(point.day, locale, shop),
            gmv: Number(point.gmv.amount),
            previousGmv: Number(point.previousGmv.amount),
          }))}
        />
      ),
    },
    d.channelSplit && {
      key: 'channels',
      span: { xs: 24, lg: 8 },
      node: (
        <ChannelSplitTile
          days={periodDays}
          currencyCode={currencyOf(d.channelSplit)}
          shares={d.channelSplit.map((share) => ({
            name: channelName.has(share.key as never) ? channelName(share.key as never) : share.key,
            gmv: Number(share.gmv.amount),
          }))}
        />
      ),
    },
    d.topProducts && {
      key: 'topProducts',
      span: { xs: 24, lg: 12 },
      node: <ProductFiguresTile kind="topProducts" rows={d.topProducts} days={periodDays} />,
    },
    d.slowMovers && {
      key: 'slowMovers',
      span: { xs: 24, lg: 12 },
      node: <ProductFiguresTile kind="slowMovers" rows={d.slowMovers} days={periodDays} />,
    },
    d.stockCover && { key: 'stockCover', span: { xs: 24 }, node: <StockCoverTile rows={d.stockCover} /> },
  ].filter((tile) => !!tile);
  return (
    <>
      <PageHeader title={t('title')} description={t('welcome', { name: viewer.displayName })} />
      {!tiles.length && <Alert type="info" showIcon title={t('noFigures')} />}
      <Row gutter={[16, 16]} data-testid="dashboard-grid">
        {tiles.map((tile) => (
          <Col key={tile.key} {...tile.span}>
            {tile.node}
          </Col>
        ))}
      </Row>
    </>
  );
}
