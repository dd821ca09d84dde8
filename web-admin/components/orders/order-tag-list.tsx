'use client';

import { Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';

/** The order's tags; with `onRemove`, each can be closed. */
export function OrderTagList({ tags, onRemove }: { tags: string[]; onRemove: ((tag: string) => void) | null }) {
  const t = useTranslations('orders.notes');
  return (
    <div data-testid="order-tags">
      {tags.length ? (
        tags.map((tag) => (
          <Tag
            key={tag}
            closable={onRemove !== null}
            onClose={(event) => {
              event.preventDefault();
              onRemove?.(tag);
            }}
            data-testid="order-tag"
            data-tag={tag}
          >
            {tag}
          </Tag>
        ))
      ) : (
        <Typography.Text type="secondary">{t('noTags')}</Typography.Text>
      )}
    </div>
  );
}
