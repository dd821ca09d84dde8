'use client';

import { useState } from 'react';
import { DeleteOutlined, HolderOutlined, UploadOutlined } from '@ant-design/icons';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, rectSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { App, Button, Card, Flex, Input, Typography, Upload } from 'antd';
import { useTranslations } from 'next-intl';

export interface MediaValue {
  url: string;
  alt: string;
}

/** Where the console shows an uploaded image: its own proxy of the gateway's /media route. */
export function mediaSrc(url: string): string {
  return url.startsWith('/media/') ? `/products${url}` : url;
}

/** Sends one image through the console's upload proxy (products/media/route.ts); answers its url. */
async function upload(file: File): Promise<{ url: string } | { error: string }> {
  const response = await fetch('/products/media', {
    method: 'POST',
    headers: { 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string; error?: string };
  return body.url ? { url: body.url } : { error: body.error ?? `${response.status}` };
}

function SortableImage({
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

/**
 * The product's images as an antd form control: upload (type and size are checked by
 * the gateway), alt text per image, and drag (or keyboard) ordering; the first is the main image.
 */
export function MediaField({ value = [], onChange }: { value?: MediaValue[]; onChange?: (next: MediaValue[]) => void }) {
  const t = useTranslations('productEditor.media');
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = value.findIndex((m) => m.url === active.id);
    const to = value.findIndex((m) => m.url === over.id);
    onChange?.(arrayMove(value, from, to));
  };

  const added: MediaValue[] = [];
  const send = async (file: File) => {
    setUploading((n) => n + 1);
    const result = await upload(file).finally(() => setUploading((n) => n - 1));
    if ('error' in result) return void message.error(t('uploadFailed', { reason: result.error }));
    added.push({ url: result.url, alt: '' });
    onChange?.([...value, ...added]);
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{value.length ? t('dragHint') : t('empty')}</Typography.Text>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={value.map((m) => m.url)} strategy={rectSortingStrategy}>
          <Flex wrap gap={12}>
            {value.map((media, index) => (
              <SortableImage
                key={media.url}
                value={media}
                index={index}
                onAlt={(alt) => onChange?.(value.map((m, i) => (i === index ? { ...m, alt } : m)))}
                onRemove={() => onChange?.(value.filter((_, i) => i !== index))}
              />
            ))}
          </Flex>
        </SortableContext>
      </DndContext>
      <Upload
        accept="image/jpeg,image/png,image/webp,image/gif"
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading > 0} data-testid="media-upload">
          {t('upload')}
        </Button>
      </Upload>
    </Flex>
  );
}
