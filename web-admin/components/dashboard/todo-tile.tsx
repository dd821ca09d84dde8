'use client';

import Link from 'next/link';
import { Card, Col, Row, Statistic } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import { formatNumber } from '@/lib/format';

import type { readableTodos } from './todo-links';

/** The to-do counts the viewer may read, each a link to its filtered list. */
export function TodoTile({ todos }: { todos: ReturnType<typeof readableTodos> }) {
  const t = useTranslations('dashboardHome.todo');
  const locale = useLocale();
  return (
    <Card title={t('title')} data-testid="tile-todo">
      <Row gutter={[16, 16]}>
        {todos.map((todo) => (
          <Col key={todo.key} xs={12} sm={8} lg={6}>
            <Link href={todo.href} data-testid={`todo-${todo.key}`}>
              <Statistic title={t(todo.key)} value={formatNumber(todo.count, locale)} />
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
