'use client';

import { Button, Card, Empty, Flex, Progress, Space, Tag, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { FlashSaleStatus } from '@/gql/graphql';

/** A session as one day of the calendar shows it; texts are formatted on the server in the shop's zone and the request's locale. */
export interface CalendarSession {
  id: string;
  title: string;
  /** "20:00 – 22:00" in the shop's time zone, the dates added when the session spans days. */
  window: string;
  status: FlashSaleStatus;
  items: { id: string; sku: string; flashPrice: string; sold: number; quota: number; progress: string }[];
}

export interface CalendarDay {
  day: string;
  label: string;
  sessions: CalendarSession[];
}

const STATUS_COLORS: Record<FlashSaleStatus, string> = { ACTIVE: 'green', SCHEDULED: 'blue', ENDED: 'default', ARCHIVED: 'default' };

/** The sessions by the shop's day, each item with how much of its quota is sold. */
export function FlashSaleCalendar({ days, previous, next, editable }: { days: CalendarDay[]; previous: string; next: string; editable: boolean }) {
  const t = useTranslations('flashSales');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Flex justify="space-between" wrap gap="small">
        <Space>
          <Link href={`/flash-sales?from=${previous}`} data-testid="calendar-previous">{t('previousWeek')}</Link>
          <Link href={`/flash-sales?from=${next}`} data-testid="calendar-next">{t('nextWeek')}</Link>
        </Space>
        {editable && (
          <Link href="/flash-sales/new">
            <Button type="primary" data-testid="flash-sale-new">{t('new')}</Button>
          </Link>
        )}
      </Flex>
      {days.map((day) => (
        <Card key={day.day} size="small" title={day.label} data-testid="calendar-day" data-day={day.day}>
          {day.sessions.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noSessions')} />
          ) : (
            <Space direction="vertical" style={{ width: '100%' }}>
              {day.sessions.map((session) => (
                <div key={session.id} data-testid="calendar-session">
                  <Flex gap="small" align="center" wrap>
                    <Link href={`/flash-sales/${session.id}`} data-testid="flash-sale-link">{session.title}</Link>
                    <Typography.Text type="secondary"><bdi>{session.window}</bdi></Typography.Text>
                    <Tag color={STATUS_COLORS[session.status]}>{t(`status.${session.status}`)}</Tag>
                  </Flex>
                  {session.items.length === 0 ? (
                    <Typography.Text type="secondary">{t('noItems')}</Typography.Text>
                  ) : (
                    session.items.map((item) => (
                      <Flex key={item.id} gap="small" align="center" data-testid="calendar-item">
                        <Typography.Text style={{ minWidth: 160 }}><bdi>{item.sku}</bdi></Typography.Text>
                        <Typography.Text style={{ minWidth: 100 }}><bdi>{item.flashPrice}</bdi></Typography.Text>
                        <Progress percent={item.quota ? Math.round((item.sold / item.quota) * 100) : 0} size="small" style={{ maxWidth: 240 }} />
                        <Typography.Text type="secondary" data-testid="calendar-item-progress">{item.progress}</Typography.Text>
                      </Flex>
                    ))
                  )}
                </div>
              ))}
            </Space>
          )}
        </Card>
      ))}
    </Space>
  );
}
