'use client';

import { DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Card, Input } from 'antd';
import { useTranslations } from 'next-intl';

import { mediaSrc, type MediaValue } from './product-media';

/** One image of the media field: drag handle, remove, alt text. */
export function SortableImage({
  value,
  index,
  onAlt,
  onRemove,
}: {
  value: MediaValue;
  index: number;
  onAlt: (alt: string) => void;
  onRemove: () => void;
}) {
  const t = useTranslations('productEditor.media');
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: value.url });
  return (
    <Card
      ref={setNodeRef}
      size="small"
      data-testid="media-item"
      data-url={value.url}
      style={{ width: 200, transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1 }}
      cover={
        <img src={mediaSrc(value.url)} alt={value.alt} style={{ height: 140, objectFit: 'cover' }} />
      }
      actions={[
        <Button
          key="drag"
          type="text"
          size="small"
          icon={<HolderOutlined />}
          aria-label={t('position', { position: index + 1 })}
          style={{ cursor: 'grab' }}
          {...attributes}
          {...listeners}
        />,
        <Button key="remove" type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('remove')} onClick={onRemove} />,
      ]}
    >
      <Input
        size="small"
        aria-label={t('alt')}
        placeholder={t('altPlaceholder')}
        value={value.alt}
        onChange={(event) => onAlt(event.target.value)}
        data-testid="media-alt"
      />
    </Card>
  );
}
